using System.Security.Cryptography;
using AgentTrust.Orchestrations.Approvals;
using Microsoft.Extensions.Time.Testing;

namespace AgentTrust.Tests.Approvals;

public sealed class ApprovalTokensTests
{
    static readonly DateTimeOffset Now = new(2026, 11, 26, 21, 0, 0, TimeSpan.Zero);
    readonly byte[] key = RandomNumberGenerator.GetBytes(32);
    readonly FakeTimeProvider time = new(Now);

    ApprovalTokenClaims Claims(string decision = ApprovalTokenClaims.Approve) =>
        new("agt-1", "sha256:abc", "lead@example.com", decision, Now.AddHours(1).ToUnixTimeSeconds(), ApprovalTokens.NewNonce());

    [Fact]
    public void Check_IssuedToken_ReturnsItsClaims()
    {
        var tokens = new ApprovalTokens(key, time);
        var claims = Claims(ApprovalTokenClaims.Reject);

        var check = tokens.Check(tokens.Issue(claims));

        Assert.True(check.IsValid);
        Assert.Equal(claims, check.Claims);
        Assert.False(check.Claims!.Approved);
    }

    [Fact]
    public void Check_AfterExpiry_RefusedAsExpired()
    {
        var tokens = new ApprovalTokens(key, time);
        var token = tokens.Issue(Claims());

        time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(ApprovalTokenRefusal.Expired, tokens.Check(token).Refusal);
    }

    [Fact]
    public void Check_ClaimsChangedToApprove_RefusedAsTampered()
    {
        var tokens = new ApprovalTokens(key, time);
        var parts = tokens.Issue(Claims(ApprovalTokenClaims.Reject)).Split('.');
        var forgedClaims = System.Buffers.Text.Base64Url.EncodeToString(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(
            Claims(ApprovalTokenClaims.Approve), AgentTrust.Domain.Hashing.JsonDefaults.Options));

        var check = tokens.Check($"{parts[0]}.{forgedClaims}.{parts[2]}");

        Assert.Equal(ApprovalTokenRefusal.Tampered, check.Refusal);
        Assert.Null(check.Claims);
    }

    [Fact]
    public void Check_SignedWithAnotherKey_RefusedAsTampered()
    {
        var forger = new ApprovalTokens(RandomNumberGenerator.GetBytes(32), time);

        Assert.Equal(ApprovalTokenRefusal.Tampered, new ApprovalTokens(key, time).Check(forger.Issue(Claims())).Refusal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("v1.abc")]
    [InlineData("v2.abc.def")]
    [InlineData("v1.!!.??")]
    public void Check_NotAToken_RefusedAsMalformed(string? token)
    {
        Assert.Equal(ApprovalTokenRefusal.Malformed, new ApprovalTokens(key, time).Check(token).Refusal);
    }

    [Fact]
    public void Constructor_ShortKey_Throws()
    {
        Assert.Throws<ArgumentException>(() => new ApprovalTokens(new byte[16], time));
    }

    [Fact]
    public void Load_NoConfiguredKey_CreatesOwnerOnlyFileAndReusesIt()
    {
        var path = Path.Combine(Path.GetTempPath(), "agenttrust-tests", Guid.NewGuid().ToString("N"), ApprovalTokenKey.FileName);
        var options = new ApprovalOptions { TokenKeyPath = path };

        var first = ApprovalTokenKey.Load(options);
        var second = ApprovalTokenKey.Load(options);

        Assert.Equal(32, first.Length);
        Assert.Equal(first, second);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }
}
