using System.Security.Cryptography;
using FluentValidation;
using Marten;
using MyGovernment.Application.Privacy;
using MyGovernment.Domain.Common;

namespace MyGovernment.Application.Webhooks;

/// <summary>An admin registers a client app; the client id returned is the one the identity provider issues its tokens for.</summary>
public sealed record RegisterClientApp(string Name, IReadOnlyList<string>? Services, Actor By) : LogSafeMessage
{
    public sealed class Validator : AbstractValidator<RegisterClientApp>
    {
        public Validator()
        {
            RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
            RuleFor(c => c.Services).Must(s => s is null || s.Count <= 50).WithMessage("At most 50 services.");
            RuleForEach(c => c.Services).NotEmpty().MaximumLength(64).Matches("^[A-Za-z0-9_-]+$");
            RuleFor(c => c.By).NotNull();
        }
    }
}

public static class RegisterClientAppHandler
{
    public static ClientApp Handle(RegisterClientApp command, IDocumentSession session, TimeProvider clock)
    {
        // Unguessable, so one app cannot name another's id in a token request to the identity provider by accident.
        var app = new ClientApp(
            "app_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(10)),
            command.Name.Trim(),
            [.. (command.Services ?? []).Select(s => s.Trim().ToUpperInvariant()).Distinct()],
            clock.GetUtcNow(),
            command.By.Subject);
        session.Store(app);
        return app;
    }
}
