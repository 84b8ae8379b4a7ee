namespace MyGovernment.Application.ServiceRequests;

/// <summary>
/// Members of the request read model that Marten also keeps in real columns (duplicated fields, registered in
/// <c>ServiceRequestIndexes</c>), so a hot count can be answered from an index alone: PostgreSQL never does an
/// index-only scan over an expression index on the JSON, and refetching ~1.7 KB rows to re-read them cost the
/// automatic assignment's workload count 7.1 ms per department of 6,000 held requests (issue 16).
/// </summary>
public static class RequestColumns
{
    public const string CurrentDepartment = "current_department";
    public const string AssignedTo = "assigned_to";
    public const string Status = "status";

    /// <summary>
    /// Written by Marten from the document, not computed from the JSON in the database: an index over
    /// <c>mt_immutable_timestamptz(data ->> 'submittedAt')</c> ran that SQL function, which PostgreSQL cannot inline
    /// (a text-to-timestamptz cast is only stable), parsing and planning its body again in every statement that wrote
    /// or ordered by it (issue 16).
    /// </summary>
    public const string SubmittedAt = "submitted_at";

    /// <summary>The timer sweep's columns (<c>RequestTimers</c>, nested in the row), each indexed where set.</summary>
    public const string TimerCheckAt = "timer_check_at";
    public const string TimerFeeAssessedAt = "timer_fee_assessed_at";
    public const string TimerInformationRequestedAt = "timer_information_requested_at";
    public const string TimerDecidedAt = "timer_decided_at";
}
