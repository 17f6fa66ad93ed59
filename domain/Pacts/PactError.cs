using System.Globalization;
using System.Text;

namespace AgentTrust.Domain.Pacts;

/// <summary>
/// One problem with a pact, in words its author understands, with where it is: the file, the 1-based line and
/// column when the pact came from text, and the field (e.g. <c>clauses[2].condition</c>).
/// </summary>
/// <param name="ExpressionColumn">For an expression that does not compile: the 1-based column inside the expression.</param>
public sealed record PactError(string Field, string Message, string? File = null, int? Line = null, int? Column = null, int? ExpressionColumn = null)
{
    /// <summary>The compiler's way: <c>file:line:column: field: message</c>, with the parts it knows.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        if (File is not null)
        {
            sb.Append(File).Append(':');
        }

        if (Line is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{Line}:{Column ?? 1}:");
        }

        if (sb.Length > 0)
        {
            sb.Append(' ');
        }

        sb.Append(Field).Append(": ").Append(Message);
        if (Line is null && ExpressionColumn is not null)
        {
            sb.Append(CultureInfo.InvariantCulture, $" (at column {ExpressionColumn} of the expression)");
        }

        return sb.ToString();
    }
}
