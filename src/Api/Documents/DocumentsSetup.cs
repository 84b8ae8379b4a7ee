using MyGovernment.Application.Documents;

namespace MyGovernment.Api.Documents;

public static class DocumentsSetup
{
    public static IServiceCollection AddMyGovernmentDocuments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DocumentsOptions>()
            .Bind(configuration.GetSection("Documents"))
            .Validate(o => o.MaxBytes is > 0 and <= DocumentsOptions.AbsoluteMaxBytes,
                $"Documents:MaxBytes must be between 1 and {DocumentsOptions.AbsoluteMaxBytes} (the largest document reference an event accepts).")
            .Validate(o => o.UnreferencedRetentionDays > 0, "Documents:UnreferencedRetentionDays must be positive.")
            .ValidateOnStart();
        services.AddHostedService<DocumentPurge>();
        return services;
    }
}
