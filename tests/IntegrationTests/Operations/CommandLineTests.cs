using MyGovernment.Api.Hosting;
using Shouldly;

namespace MyGovernment.IntegrationTests.Operations;

/// <summary>How the command line reads what the caller typed: ports, help, and relative file paths.</summary>
public sealed class CommandLineTests
{
    [Theory]
    [InlineData("--urls", "http://127.0.0.1:6100", "simulate")]
    [InlineData("--urls=http://127.0.0.1:6100", "projections", "rebuild")]
    [InlineData("projections", "rebuild", "--urls", "http://127.0.0.1:6100")]
    [InlineData("--environment", "Development", "--urls", "http://127.0.0.1:6100", "reconcile")]
    public void A_command_given_with_urls_is_refused_with_how_commands_choose_their_port(params string[] args)
    {
        var refused = CommandLineGuard.Check(args).ShouldNotBeNull();

        refused.ExitCode.ShouldNotBe(0);
        refused.Message.ShouldContain("Commands do not take --urls");
        refused.Message.ShouldContain("ASPNETCORE_URLS");
    }

    [Theory]
    [InlineData("--urls", "http://127.0.0.1:6100")]
    [InlineData("run", "--urls", "http://127.0.0.1:6100")]
    [InlineData("simulate", "--requests", "10")]
    [InlineData]
    public void The_server_alone_with_urls_and_commands_without_it_go_on(params string[] args) => CommandLineGuard.Check(args).ShouldBeNull();

    [Theory]
    [InlineData(true, "help")]
    [InlineData(true, "help", "projections")]
    [InlineData(true, "--help")]
    [InlineData(false, "projections", "rebuild")]
    [InlineData(false)]
    public void Help_is_recognised_so_it_starts_no_database(bool help, params string[] args) => CommandLineGuard.IsHelp(args).ShouldBe(help);

    [Fact]
    public void A_relative_file_argument_means_the_callers_folder_not_the_programs()
    {
        var caller = Directory.CreateTempSubdirectory("mygov-caller-").FullName;
        var before = Environment.GetEnvironmentVariable("PWD");
        try
        {
            Environment.SetEnvironmentVariable("PWD", caller);
            CallerPath.Resolve("receipt.json").ShouldBe(Path.Combine(caller, "receipt.json"));
            CallerPath.Resolve(Path.Combine("proofs", "key.pem")).ShouldBe(Path.Combine(caller, "proofs", "key.pem"));
            CallerPath.Resolve("/etc/key.pem").ShouldBe("/etc/key.pem");
        }
        finally
        {
            Environment.SetEnvironmentVariable("PWD", before);
            Directory.Delete(caller);
        }
    }

    [Fact]
    public void Commands_print_no_assembly_search_reports_markup_or_ctrl_c_prompt()
    {
        using var output = new StringWriter();
        var filter = new CommandDiscoveryNoiseFilter(output);

        filter.Write("Searching 'JasperFx, Version=2.102.0.0, Culture=neutral, PublicKeyToken=null' \nfor commands\n");
        filter.Write("Searching 'Marten, Version=9.59.0.0, Culture=neutral, PublicKeyToken=null' for \ncommands\n");
        filter.Write("Searching 'Wolverine' for commands\n\n");
        filter.Write("The available commands are:\n  help    List all the available commands\n");
        filter.Write("Cannot override services when the IHost is already constructed\nPress CTRL + C to quit\n");
        filter.Write("[green]Finished rebuilding[/] \u001b[32mPaymentDetails\u001b[0m\n");
        filter.Flush();

        output.ToString().ShouldBe("\nThe available commands are:\n  help    List all the available commands\nFinished rebuilding PaymentDetails\n");
    }
}
