using AgentTrust.Orchestrations.Api;
using Microsoft.Extensions.Options;

namespace AgentTrust.Orchestrations.TrustConsole;

/// <summary>
/// Who the console's caller is. On Azure, App Service Authentication signs people in (Entra ID) and passes the name in
/// <c>X-MS-CLIENT-PRINCIPAL-NAME</c>, removing any such header a caller sent; only then is the header believed. On a
/// developer's machine the configured development approver is the user. Otherwise nobody is signed in and the console
/// is read-only.
/// </summary>
public sealed class ConsoleSignIn(IOptions<ConsoleOptions> options)
{
    public const string PrincipalNameHeader = "X-MS-CLIENT-PRINCIPAL-NAME";
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
            return new ConsoleUser(name is { Length: > 0 and <= 256 } ? name : null, AppServiceSource);
        }

        var developer = options.Value.DevelopmentApprover?.Trim();
        return new ConsoleUser(developer is { Length: > 0 and <= 256 } ? developer : null, DevelopmentSource);
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
