using Microsoft.AspNetCore.Hosting;
using MyGovernment.IntegrationTests.Support;

namespace MyGovernment.IntegrationTests.Integrity;

/// <summary>
/// A <see cref="TamperHost"/> with the development witness on, as `dotnet run --project src/Api` has it in
/// Development: the API starts the witness itself (a free port here instead of 7380, its files in a temporary folder
/// instead of .local/witness). Nothing in the test configures Integrity:Witnesses.
/// </summary>
public sealed class WitnessBesideTheApiHost(AppFixture app) : TamperHost(app)
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("mygov-dev-witness-").FullName;

    protected override void Configure(IWebHostBuilder web)
    {
        web.UseSetting("DevelopmentWitness:Enabled", "true");
        web.UseSetting("DevelopmentWitness:Url", "http://127.0.0.1:0");
        web.UseSetting("DevelopmentWitness:Directory", Folder);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(Folder, recursive: true);
    }
}
