using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using MyGovernment.Domain.Integrity;
using MyGovernment.IntegrationTests.Support;
using MyGovernment.Witness;

namespace MyGovernment.IntegrationTests.Integrity;

/// <summary>
/// A <see cref="TamperHost"/> whose checkpoints a witness cosigns: the witness runs as its own HTTP server (as an
/// audit bureau's would) on a free port, with its state file in a temporary folder.
/// </summary>
public sealed class WitnessedHost(AppFixture app) : TamperHost(app)
{
    public const string Origin = "my-government/events";

    /// <summary>A second log the witness trusts (same key), whose trees the protocol test builds by hand.</summary>
    public const string SyntheticOrigin = "witness-test/synthetic";

    private readonly string _folder = Directory.CreateTempSubdirectory("mygov-witness-").FullName;

    public WebApplication Witness { get; private set; } = null!;

    public string WitnessUrl { get; private set; } = "";

    public string WitnessKey => Witness.Services.GetRequiredService<CosigningKey>().VerifierKey;

    protected override async Task BeforeHostAsync()
    {
        Witness = WitnessProgram.Build(
        [
            "--urls", "http://127.0.0.1:0", "--contentRoot", _folder, "--Witness:Name", "witness.test/1",
            "--Witness:Logs:0:Origin", Origin, "--Witness:Logs:0:VerifierKey", SignedNote.VerifierKey(Origin, PublicKey),
            "--Witness:Logs:1:Origin", SyntheticOrigin, "--Witness:Logs:1:VerifierKey", SignedNote.VerifierKey(SyntheticOrigin, PublicKey),
        ]);
        await Witness.StartAsync();
        WitnessUrl = Witness.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    protected override void Configure(IWebHostBuilder web)
    {
        web.UseSetting("Integrity:Witnesses:0:Url", WitnessUrl);
        web.UseSetting("Integrity:Witnesses:0:VerifierKey", WitnessKey);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Witness is not null)
        {
            await Witness.DisposeAsync();
        }
        Directory.Delete(_folder, recursive: true);
    }
}
