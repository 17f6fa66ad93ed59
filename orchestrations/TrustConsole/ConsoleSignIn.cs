using System.Text;
using System.Text.Json;
using AgentTrust.Orchestrations.Api;
using Microsoft.Extensions.Options;

namespace AgentTrust.Orchestrations.TrustConsole;

/// <summary>
/// Who the console's caller is. On Azure, App Service Authentication signs people in (Entra ID) and passes the name in
/// <c>X-MS-CLIENT-PRINCIPAL-NAME</c> and the principal's claims (group ids, app roles) in <c>X-MS-CLIENT-PRINCIPAL</c>,
/// removing any such header a caller sent; only then are the headers believed. On a
/// developer's machine the configured development approver is the user. Otherwise nobody is signed in and the console
/// is read-only.
/// </summary>
public sealed class ConsoleSignIn(IOptions<ConsoleOptions> options)
{
    public const string PrincipalNameHeader = "X-MS-CLIENT-PRINCIPAL-NAME";
    public const string PrincipalHeader = "X-MS-CLIENT-PRINCIPAL";
    public const string AppServiceSource = "app-service-authentication";
    public const string DevelopmentSource = "development";

    /// <summary>True when App Service Authentication fronts this host (its header is then the only identity).</summary>
    public bool BehindAppServiceAuthentication =>
        options.Value.TrustAppServiceAuthentication
        ?? string.Equals(Environment.GetEnvironmentVariable("WEBSITE_AUTH_ENABLED"), "True", StringComparison.OrdinalIgnoreCase);

    public ConsoleUser Resolve(ApiRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (BehindAppServiceAuthentication)
        {
            var name = request.Header(PrincipalNameHeader)?.Trim();
            var (groups, roles) = ReadPrincipal(request.Header(PrincipalHeader));
            return new ConsoleUser(name is { Length: > 0 and <= 256 } ? name : null, AppServiceSource, groups, roles);
        }

        var developer = options.Value.DevelopmentApprover?.Trim();
        return new ConsoleUser(developer is { Length: > 0 and <= 256 } ? developer : null, DevelopmentSource);
    }

    /// <summary>
    /// The Entra ID group ids and app roles in App Service Authentication's principal header: base64 of
    /// <c>{"auth_typ": ..., "claims": [{"typ": ..., "val": ...}], "role_typ": ...}</c>. Groups are the <c>groups</c> claims
    /// (absent when the person is in too many groups: then use members or app roles); roles the claims of
    /// <c>role_typ</c> (or <c>roles</c>). An absent or unreadable header gives none (the check then fails closed).
    /// </summary>
    public static (IReadOnlyList<string> GroupIds, IReadOnlyList<string> Roles) ReadPrincipal(string? header)
    {
        if (string.IsNullOrWhiteSpace(header) || header.Length > 64 * 1024)
        {
            return ([], []);
        }

        try
        {
            using var document = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(header.Trim())), new JsonDocumentOptions { MaxDepth = 8 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("claims", out var claims) || claims.ValueKind != JsonValueKind.Array)
            {
                return ([], []);
            }

            var roleType = root.TryGetProperty("role_typ", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() : null;
            var groups = new List<string>();
            var roles = new List<string>();
            foreach (var claim in claims.EnumerateArray())
            {
                if (claim.ValueKind != JsonValueKind.Object
                    || !claim.TryGetProperty("typ", out var t) || t.ValueKind != JsonValueKind.String
                    || !claim.TryGetProperty("val", out var v) || v.ValueKind != JsonValueKind.String)
                {
                    continue;
                }

                var type = t.GetString();
                if (type is "groups" or "http://schemas.microsoft.com/ws/2008/06/identity/claims/groups")
                {
                    groups.Add(v.GetString()!);
                }
                else if (type == "roles" || type == "http://schemas.microsoft.com/ws/2008/06/identity/claims/role" || (roleType is not null && type == roleType))
                {
                    roles.Add(v.GetString()!);
                }
            }

            return (groups, roles);
        }
        catch (Exception ex) when (ex is FormatException or JsonException or DecoderFallbackException)
        {
            return ([], []);
        }
    }

    /// <summary>
    /// Behind App Service Authentication the console's reads are anonymous at the platform (a browser has no function
    /// key) and need a signed-in person instead: a 401 problem when there is none; null when the read may go on.
    /// </summary>
    public ApiResponse? RefuseAnonymousRead(ApiRequest request) =>
        BehindAppServiceAuthentication && !Resolve(request).SignedIn
            ? Problems.Create(request, 401, "sign-in-required", "Sign in to use the console", "The console needs a signed-in person (App Service Authentication).")
            : null;
}
