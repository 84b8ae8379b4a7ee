using Npgsql;

namespace MyGovernment.Benchmarks.Scenarios;

/// <summary>The ceiling: one event-sized JSON row per transaction with plain Npgsql, nothing else.</summary>
public static class RawInsert
{
    public static async Task PrepareAsync(NpgsqlDataSource db)
    {
        await using var create = db.CreateCommand(
            "create table if not exists bench_raw (id bigserial primary key, stream_id uuid not null, type text not null, data jsonb not null, created timestamptz not null default now())");
        await create.ExecuteNonQueryAsync();
    }

    public static Func<int, Task> Operation(NpgsqlDataSource db) => async _ =>
    {
        await using var command = db.CreateCommand("insert into bench_raw (stream_id, type, data) values ($1, $2, $3::jsonb)");
        command.Parameters.AddWithValue(Guid.CreateVersion7());
        command.Parameters.AddWithValue("service_request_submitted");
        command.Parameters.AddWithValue(SampleEvent.Json);
        await command.ExecuteNonQueryAsync();
    };
}

public static class SampleEvent
{
    /// <summary>About the size of a stored ServiceRequestSubmitted event (~600 bytes of JSON).</summary>
    public const string Json = """
        {"requestId":"01a21f2a-19ca-7f74-8e6a-7c21575a953a","serviceCode":"JOBSEEKER-REGISTRATION","serviceName":{"ar":"تسجيل باحث عن عمل","en":"Jobseeker registration"},"applicantId":"123456782","submittedBy":{"subject":"citizen-123456782","role":"citizen","department":null,"nationalId":"123456782"},"channel":"Online","form":{"qualification":"BSc Nursing","graduationDate":"2024-06-30"},"isPaid":false,"workflowDepartments":["MOL"],"requiresSecondApprover":false,"slaWorkingDays":5,"submittedAt":"2026-11-27T22:39:42.6625681+00:00"}
        """;
}
