namespace MyGovernment.Api.Errors;

/// <summary>Refusals particular to one area's endpoints: documents, catalog reads, payments, finance, oversight and audit.</summary>
internal static class EndpointErrors
{
    private static readonly Bilingual WebhookRefused = new("Webhook refused", "رُفض إشعار مزوّد الدفع");
    private static readonly Bilingual SmsReportRefused = new("Delivery report refused", "رُفض تقرير تسليم الرسالة");
    private static readonly Bilingual ProviderUnavailable = new("Payment provider unavailable", "تعذّر الاتصال بمزوّد الدفع");

    private static ErrorEntry Missing(string code, string en, string ar) => new(code, 404, PipelineErrors.NotFound, new(en, ar));

    private static ErrorEntry Bad(string code, string en, string ar) => new(code, 400, PipelineErrors.BadRequest, new(en, ar));

    internal static IEnumerable<ErrorEntry> Entries =>
    [
        Missing("error_code_not_found", "No such code in the error catalogue.", "لا يوجد رمز خطأ بهذا الاسم في الكتالوج."),
        // Catalog and service request reads.
        Missing("department_not_found", "No department with this code.", "لا توجد دائرة بهذا الرمز."),
        Missing("issued_document_not_found", "No document was issued with this verification code.", "لم يصدر أي مستند برمز التحقق هذا."),
        // Documents.
        Missing("document_not_found", "No document with this SHA-256 hash.", "لا يوجد مستند بهذه البصمة (SHA-256)."),
        new("document_type_not_allowed", 415, PipelineErrors.UnsupportedMediaType,
            new("Send the file as the raw body with Content-Type application/pdf, image/jpeg or image/png.",
                "أرسل الملف كمحتوى خام بنوع application/pdf أو image/jpeg أو image/png.")),
        Bad("document_content_mismatch", "The file's content does not match its declared media type.", "محتوى الملف لا يطابق نوعه المعلن."),
        // Payments and the provider.
        new("payment_provider_unavailable", 502, ProviderUnavailable,
            new("The payment provider could not be reached. Nothing was charged; try again shortly.",
                "تعذّر الاتصال بمزوّد الدفع. لم يُخصم أي مبلغ؛ حاول مرة أخرى بعد قليل.")),
        new("payment_provider_unavailable", 503, ProviderUnavailable,
            new("The delivery could not be checked with the payment provider; deliver it again later.",
                "تعذّر التحقق من الإشعار لدى مزوّد الدفع؛ أعد إرساله لاحقاً.")),
        new("webhook_too_large", 413, WebhookRefused, new("The webhook body is too large.", "حجم محتوى الإشعار كبير جداً.")),
        new("webhook_signature_invalid", 401, WebhookRefused,
            new("The webhook signature is missing or does not match its body.", "توقيع الإشعار مفقود أو لا يطابق محتواه.")),
        new("webhook_timestamp_stale", 401, WebhookRefused,
            new("The webhook's signed timestamp is outside the accepted tolerance.", "الطابع الزمني الموقّع للإشعار خارج المدى المقبول.")),
        new("webhook_invalid", 400, WebhookRefused,
            new("The webhook body is not the provider's JSON, or names nothing of ours.", "محتوى الإشعار ليس بصيغة مزوّد الدفع، أو لا يشير إلى أي شيء لدينا.")),
        // Notifications and the SMS gateway's delivery reports.
        Missing("notification_not_found", "No such notification.", "لا يوجد إشعار بهذا المعرّف."),
        Missing("sms_message_not_found", "No SMS of ours has this message id.", "لا توجد رسالة نصية لدينا بهذا المعرّف."),
        new("sms_report_signature_invalid", 401, SmsReportRefused,
            new("The report's signature is missing or does not match its body.", "توقيع التقرير مفقود أو لا يطابق محتواه.")),
        new("sms_report_invalid", 400, SmsReportRefused, new("The report is not the gateway's JSON.", "التقرير ليس بصيغة بوابة الرسائل.")),
        new("sms_report_too_large", 413, SmsReportRefused, new("The delivery report is too large.", "حجم تقرير التسليم كبير جداً.")),
        // Finance.
        Missing("reconciliation_not_found", "No such reconciliation.", "لا توجد مطابقة بهذا المعرّف."),
        new("statement_not_csv", 415, PipelineErrors.UnsupportedMediaType,
            new("Send the settlement statement as the raw text/csv body.", "أرسل كشف التسوية كمحتوى text/csv خام.")),
        // Oversight reports.
        Bad("invalid_period", "'from' must be before 'to'.", "يجب أن يسبق تاريخ البداية 'from' تاريخ النهاية 'to'."),
        Bad("invalid_format", "'format' is 'json' or 'csv'.", "قيمة 'format' هي 'json' أو 'csv'."),
        Missing("unknown_report", "No report with this name. GET /api/oversight/reports lists them.", "لا يوجد تقرير بهذا الاسم. يسردها GET /api/oversight/reports."),
        // Audit: replays, proofs and read-model checks.
        Bad("bad_version", "'version' must be 1 or more.", "يجب أن تكون قيمة 'version' واحداً أو أكثر."),
        Missing("stream_not_found", "No events for this stream (at that point).", "لا توجد أحداث لهذا التسلسل (حتى تلك النقطة)."),
        Missing("not_sealed", "This event is not yet covered by a signed checkpoint.", "لم يشمل هذا الحدث أي نقطة تحقق موقّعة بعد."),
        Bad("tree_too_large", "The log has fewer sealed events than the tree size asked for.", "عدد الأحداث المختومة في السجل أقل من حجم الشجرة المطلوب."),
        Bad("bad_tree_sizes", "Tree sizes must satisfy 0 ≤ from ≤ to ≤ the sealed size.", "يجب أن تحقق أحجام الشجرة 0 ≤ from ≤ to ≤ الحجم المختوم."),
        Bad("unknown_projection", "No read model with this name.", "لا يوجد نموذج قراءة بهذا الاسم."),
    ];
}
