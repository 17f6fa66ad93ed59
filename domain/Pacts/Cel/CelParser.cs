using System.Globalization;
using System.Text;

namespace AgentTrust.Domain.Pacts.Cel;

/// <summary>
/// A recursive-descent parser for the CEL subset pacts use: literals, field selection, calls and receiver calls,
/// list literals, indexing, <c>! -</c>, <c>* / %</c>, <c>+ -</c>, comparisons and <c>in</c>, <c>&amp;&amp;</c>,
/// <c>||</c> and <c>?:</c>, with CEL's precedence. Bounded: long or deeply nested expressions are refused.
/// </summary>
internal sealed class CelParser
{
    public const int MaxLength = 4096;
    public const int MaxDepth = 48;

    static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "as", "break", "const", "continue", "else", "for", "function", "if", "import", "let", "loop", "package",
        "namespace", "return", "var", "void", "while",
    };

    readonly string text;
    int pos;
    int depth;

    CelParser(string text) => this.text = text;

    public static CelNode Parse(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        if (expression.Length > MaxLength)
        {
            throw new CelSyntaxException(0, $"the expression is longer than {MaxLength} characters");
        }

        var parser = new CelParser(expression);
        parser.SkipSpace();
        if (parser.AtEnd)
        {
            throw new CelSyntaxException(0, "the expression is empty");
        }

        var node = parser.ParseExpression();
        parser.SkipSpace();
        if (!parser.AtEnd)
        {
            throw new CelSyntaxException(parser.pos, $"unexpected '{parser.text[parser.pos]}' after a complete expression");
        }

        return node;
    }

    bool AtEnd => pos >= text.Length;

    CelNode ParseExpression()
    {
        if (++depth > MaxDepth)
        {
            throw new CelSyntaxException(pos, $"the expression is nested more than {MaxDepth} levels deep");
        }

        var start = pos;
        var condition = ParseOr();
        if (TryTake("?"))
        {
            var whenTrue = ParseOr();
            Expect(":");
            var whenFalse = ParseExpression();
            condition = new CelConditional(start, condition, whenTrue, whenFalse);
        }

        depth--;
        return condition;
    }

    CelNode ParseOr()
    {
        var left = ParseAnd();
        while (Peek("||"))
        {
            var at = pos;
            pos += 2;
            left = new CelBinary(at, "||", left, ParseAnd());
        }

        return left;
    }

    CelNode ParseAnd()
    {
        var left = ParseRelation();
        while (Peek("&&"))
        {
            var at = pos;
            pos += 2;
            left = new CelBinary(at, "&&", left, ParseRelation());
        }

        return left;
    }

    CelNode ParseRelation()
    {
        var left = ParseAddition();
        while (true)
        {
            SkipSpace();
            var at = pos;
            string? op = Peek("==") ? "==" : Peek("!=") ? "!=" : Peek("<=") ? "<=" : Peek(">=") ? ">=" : Peek("<") ? "<" : Peek(">") ? ">" : PeekWord("in") ? "in" : null;
            if (op is null)
            {
                return left;
            }

            pos += op.Length;
            left = new CelBinary(at, op, left, ParseAddition());
        }
    }

    CelNode ParseAddition()
    {
        var left = ParseMultiplication();
        while (true)
        {
            SkipSpace();
            var at = pos;
            if (AtEnd || (text[pos] != '+' && text[pos] != '-'))
            {
                return left;
            }

            var op = text[pos++].ToString();
            left = new CelBinary(at, op, left, ParseMultiplication());
        }
    }

    CelNode ParseMultiplication()
    {
        var left = ParseUnary();
        while (true)
        {
            SkipSpace();
            var at = pos;
            if (AtEnd || (text[pos] != '*' && text[pos] != '/' && text[pos] != '%'))
            {
                return left;
            }

            var op = text[pos++].ToString();
            left = new CelBinary(at, op, left, ParseUnary());
        }
    }

    CelNode ParseUnary()
    {
        SkipSpace();
        var at = pos;
        if (!AtEnd && text[pos] == '!' && !Peek("!="))
        {
            pos++;
            return Nest(() => new CelUnary(at, "!", ParseUnary()));
        }

        if (!AtEnd && text[pos] == '-')
        {
            pos++;
            SkipSpace();
            if (!AtEnd && char.IsAsciiDigit(text[pos]))
            {
                var literal = (CelLiteral)ParseNumber(at);
                return ParsePostfix(literal with { Value = CelValue.Num(-literal.Value.Number) });
            }

            return Nest(() => new CelUnary(at, "-", ParseUnary()));
        }

        return ParsePostfix(ParsePrimary());
    }

    CelNode Nest(Func<CelNode> parse)
    {
        if (++depth > MaxDepth)
        {
            throw new CelSyntaxException(pos, $"the expression is nested more than {MaxDepth} levels deep");
        }

        var node = parse();
        depth--;
        return node;
    }

    CelNode ParsePostfix(CelNode node)
    {
        while (true)
        {
            SkipSpace();
            if (AtEnd)
            {
                return node;
            }

            var at = pos;
            if (text[pos] == '.')
            {
                pos++;
                SkipSpace();
                var name = ParseIdentifier();
                SkipSpace();
                node = TryTake("(") ? new CelCall(at, node, name, ParseArguments(")")) : new CelSelect(at, node, name);
            }
            else if (text[pos] == '[')
            {
                pos++;
                var index = ParseExpression();
                Expect("]");
                node = new CelIndex(at, node, index);
            }
            else
            {
                return node;
            }
        }
    }

    CelNode ParsePrimary()
    {
        SkipSpace();
        if (AtEnd)
        {
            throw new CelSyntaxException(pos, "the expression ends where a value was expected");
        }

        var at = pos;
        var c = text[pos];
        if (c == '(')
        {
            pos++;
            var inner = ParseExpression();
            Expect(")");
            return inner;
        }

        if (c == '[')
        {
            pos++;
            return new CelListLiteral(at, ParseArguments("]"));
        }

        if (c is '"' or '\'')
        {
            return ParseString(at);
        }

        if (char.IsAsciiDigit(c) || (c == '.' && pos + 1 < text.Length && char.IsAsciiDigit(text[pos + 1])))
        {
            return ParseNumber(at);
        }

        if (char.IsAsciiLetter(c) || c == '_')
        {
            var name = ParseIdentifier();
            switch (name)
            {
                case "true": return new CelLiteral(at, CelValue.True, CelType.Bool);
                case "false": return new CelLiteral(at, CelValue.False, CelType.Bool);
                case "null": return new CelLiteral(at, CelValue.Null, CelType.Null);
            }

            if (Reserved.Contains(name))
            {
                throw new CelSyntaxException(at, $"'{name}' is a reserved word in CEL");
            }

            SkipSpace();
            return TryTake("(") ? new CelCall(at, null, name, ParseArguments(")")) : new CelIdent(at, name);
        }

        throw new CelSyntaxException(at, $"unexpected '{c}'");
    }

    List<CelNode> ParseArguments(string close)
    {
        var items = new List<CelNode>();
        SkipSpace();
        if (TryTake(close))
        {
            return items;
        }

        while (true)
        {
            items.Add(ParseExpression());
            if (TryTake(close))
            {
                return items;
            }

            Expect(",");
            if (TryTake(close))
            {
                return items; // CEL allows a trailing comma in lists.
            }
        }
    }

    string ParseIdentifier()
    {
        var start = pos;
        if (AtEnd || !(char.IsAsciiLetter(text[pos]) || text[pos] == '_'))
        {
            throw new CelSyntaxException(pos, "a name was expected here");
        }

        while (!AtEnd && (char.IsAsciiLetterOrDigit(text[pos]) || text[pos] == '_'))
        {
            pos++;
        }

        return text[start..pos];
    }

    CelNode ParseNumber(int at)
    {
        var start = pos;
        if (Peek("0x") || Peek("0X"))
        {
            pos += 2;
            while (!AtEnd && char.IsAsciiHexDigit(text[pos]))
            {
                pos++;
            }

            var hex = long.Parse(text.AsSpan(start + 2, pos - start - 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);
            return new CelLiteral(at, CelValue.Num(hex), CelType.Number);
        }

        while (!AtEnd && (char.IsAsciiDigit(text[pos]) || text[pos] == '.'))
        {
            pos++;
        }

        if (!AtEnd && (text[pos] == 'e' || text[pos] == 'E'))
        {
            pos++;
            if (!AtEnd && (text[pos] == '+' || text[pos] == '-'))
            {
                pos++;
            }

            while (!AtEnd && char.IsAsciiDigit(text[pos]))
            {
                pos++;
            }
        }

        var span = text.AsSpan(start, pos - start);
        if (!AtEnd && (text[pos] == 'u' || text[pos] == 'U'))
        {
            pos++; // CEL's unsigned suffix: the value is the same number here.
        }

        // Invariant culture, always: "0.8" is eight tenths on every machine, never 8 or an error.
        if (!double.TryParse(span, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || double.IsInfinity(value))
        {
            throw new CelSyntaxException(at, $"'{span}' is not a number");
        }

        return new CelLiteral(at, CelValue.Num(value), CelType.Number);
    }

    CelNode ParseString(int at)
    {
        var quote = text[pos++];
        var sb = new StringBuilder();
        while (true)
        {
            if (AtEnd)
            {
                throw new CelSyntaxException(at, "the string is not closed");
            }

            var c = text[pos++];
            if (c == quote)
            {
                return new CelLiteral(at, CelValue.Str(sb.ToString()), CelType.String);
            }

            if (c != '\\')
            {
                sb.Append(c);
                continue;
            }

            if (AtEnd)
            {
                throw new CelSyntaxException(at, "the string is not closed");
            }

            var e = text[pos++];
            sb.Append(e switch
            {
                'n' => '\n',
                't' => '\t',
                'r' => '\r',
                '\\' => '\\',
                '"' => '"',
                '\'' => '\'',
                _ => throw new CelSyntaxException(pos - 2, $"'\\{e}' is not an escape this language knows"),
            });
        }
    }

    void SkipSpace()
    {
        while (!AtEnd && char.IsWhiteSpace(text[pos]))
        {
            pos++;
        }
    }

    bool Peek(string token)
    {
        SkipSpace();
        return string.CompareOrdinal(text, pos, token, 0, token.Length) == 0 && pos + token.Length <= text.Length;
    }

    bool PeekWord(string word) =>
        Peek(word) && (pos + word.Length >= text.Length || !(char.IsAsciiLetterOrDigit(text[pos + word.Length]) || text[pos + word.Length] == '_'));

    bool TryTake(string token)
    {
        if (!Peek(token))
        {
            return false;
        }

        pos += token.Length;
        return true;
    }

    void Expect(string token)
    {
        if (!TryTake(token))
        {
            throw new CelSyntaxException(pos, AtEnd ? $"'{token}' expected, but the expression ends" : $"'{token}' expected, found '{text[pos]}'");
        }
    }
}
