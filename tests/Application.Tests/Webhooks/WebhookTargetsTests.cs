using System.Net;
using Microsoft.Extensions.Options;
using MyGovernment.Application.Webhooks;
using Shouldly;

namespace MyGovernment.Application.Tests.Webhooks;

/// <summary>Outside Development and Testing a webhook goes only to public https addresses (no SSRF into our network).</summary>
public sealed class WebhookTargetsTests
{
    [Theory]
    [InlineData("http://hooks.example.org/in")]
    [InlineData("https://localhost/in")]
    [InlineData("https://127.0.0.1/in")]
    [InlineData("https://10.1.2.3/in")]
    [InlineData("https://172.20.0.1/in")]
    [InlineData("https://192.168.1.10/in")]
    [InlineData("https://169.254.169.254/latest/meta-data")]
    [InlineData("https://[::1]/in")]
    [InlineData("https://[fd00::1]/in")]
    [InlineData("https://[::ffff:10.0.0.1]/in")]
    [InlineData("https://db.internal/in")]
    [InlineData("https://user:pass@hooks.example.org/in")]
    public void Strict_targets_refuse_plain_http_and_internal_addresses(string url) =>
        WebhookTargets.Refusal(url, strict: true).ShouldNotBeNull();

    [Theory]
    [InlineData("https://hooks.example.org/in")]
    [InlineData("https://203.0.113.7:8443/in")]
    public void Strict_targets_accept_public_https(string url) => WebhookTargets.Refusal(url, strict: true).ShouldBeNull();

    [Fact]
    public void Development_accepts_a_loopback_http_receiver() => WebhookTargets.Refusal("http://127.0.0.1:5999/hooks", strict: false).ShouldBeNull();

    [Fact]
    public async Task A_strict_sender_refuses_to_connect_where_a_name_resolves_to_an_internal_address()
    {
        using var sender = new WebhookSender(Options.Create(new WebhookOptions { StrictTargets = true, AttemptTimeout = TimeSpan.FromSeconds(5) }));
        var now = DateTimeOffset.UtcNow;
        var subscription = new WebhookSubscription(Guid.NewGuid(), "app_x", $"https://{Dns.GetHostName()}:9/in", ["document.issued"], now, 0,
            [new WebhookSecret(WebhookSignature.NewSecret(), now, null)]);
        var delivery = new WebhookDelivery(Guid.NewGuid(), subscription.Id, "app_x", "document.issued", Guid.NewGuid(), 1, now, "{}",
            WebhookDeliveryStatus.Pending, [], null, null);

        var result = await sender.SendAsync(subscription, delivery, now, TestContext.Current.CancellationToken);

        result.Succeeded.ShouldBeFalse();
        result.StatusCode.ShouldBeNull();
        // The machine's own name resolves to (among others) its loopback or private address: the name passes the URL
        // check, the connection does not.
        WebhookTargets.Refusal(subscription.Url, strict: true).ShouldBeNull();
        Dns.GetHostAddresses(Dns.GetHostName()).ShouldContain(a => WebhookTargets.IsInternal(a));
        result.Error.ShouldBe("refused: the target resolves to an internal address");
    }

    [Fact]
    public void Several_secrets_give_several_signatures_and_an_expired_one_none()
    {
        var now = DateTimeOffset.UtcNow;
        var subscription = new WebhookSubscription(Guid.NewGuid(), "app_x", "https://hooks.example.org", [], now, 0,
        [
            new WebhookSecret(WebhookSignature.NewSecret(), now, now.AddMinutes(-1)),
            new WebhookSecret(WebhookSignature.NewSecret(), now, now.AddMinutes(5)),
            new WebhookSecret(WebhookSignature.NewSecret(), now, null),
        ]);
        var signing = subscription.SigningSecrets(now);
        signing.Count.ShouldBe(2);
        WebhookSignature.Sign(signing, "msg_1", now.ToUnixTimeSeconds(), "{}").Split(' ').ShouldAllBe(s => s.StartsWith("v1,"));
    }
}
