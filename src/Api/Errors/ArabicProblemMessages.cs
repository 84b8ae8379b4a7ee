namespace MyGovernment.Api.Errors;

/// <summary>
/// The Arabic catalogue of problem titles (by status) and details (by the stable error code the domain and the
/// exception handler use). The English texts stay with the code that raises them; a code missing here keeps its
/// English detail, which the catalogue test reports.
/// </summary>
public static class ArabicProblemMessages
{
    private static readonly Dictionary<int, string> Titles = new()
    {
        [400] = "طلب غير صالح",
        [401] = "يلزم تسجيل الدخول",
        [403] = "غير مسموح",
        [404] = "غير موجود",
        [405] = "الطريقة غير مسموحة",
        [409] = "تعارض",
        [412] = "فشل الشرط المسبق",
        [413] = "حجم الطلب كبير جداً",
        [415] = "نوع المحتوى غير مدعوم",
        [422] = "رفضت قاعدة عمل الطلب",
        [429] = "طلبات كثيرة جداً",
        [500] = "خطأ داخلي في الخادم",
        [502] = "تعذّر الاتصال بجهة خارجية",
        [503] = "الخدمة غير متاحة",
    };

    public static IReadOnlyDictionary<string, string> Details { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // Raised by the API itself.
        ["stale_version"] = "تغيّر الطلب منذ آخر قراءة له. أعد تحميل الطلب وحاول مرة أخرى.",
        ["concurrency_conflict"] = "غيّر شخص آخر هذا الكائن في الوقت نفسه. أعد تحميله وحاول مرة أخرى.",
        ["duplicate"] = "الكائن موجود مسبقاً.",
        ["bad_request"] = "تعذّرت قراءة الطلب.",
        ["payload_too_large"] = "حجم المحتوى يتجاوز الحد المسموح.",
        ["nul_character_refused"] = "يحتوي الطلب على المحرف الفارغ (U+0000)، وهو غير مقبول في أي حقل.",
        ["identity_claims_invalid"] = "هوية الرمز غير مكتملة: يلزم رقم هوية صحيح للمواطن، والدائرة للموظف.",
        ["invalid_json"] = "محتوى الطلب ليس JSON صالحاً لهذه العملية.",
        ["database_unavailable"] = "قاعدة البيانات غير متاحة. حاول مرة أخرى بعد قليل.",
        ["internal_error"] = "تعذّر إكمال الطلب.",
        ["document_type_not_allowed"] = "أرسل الملف كمحتوى خام بنوع application/pdf أو image/jpeg أو image/png.",
        ["document_content_mismatch"] = "محتوى الملف لا يطابق نوعه المعلن.",
        ["document_not_found"] = "لا يوجد مستند بهذه البصمة (SHA-256).",
        // Domain rules (src/Domain): one Arabic text per code, even where English words a case more precisely.
        ["already_assigned"] = "يتولى موظف آخر هذا الطلب. يمكن للمشرف إعادة إسناده.",
        ["already_decided"] = "لا يمكن سحب طلب صدر فيه قرار.",
        ["appeal_window_over"] = "انقضت مهلة الاعتراض على هذا القرار.",
        ["applicant_invalid"] = "ليس لمقدّم الطلب رقم هوية صالح أو حساب مقيم.",
        ["approval_only_at_last_step"] = "تتم الموافقة على الطلب في خطوته الأخيرة؛ أكمل هذه الخطوة بدلاً من ذلك.",
        ["assisted_requires_officer"] = "لا يقدّم الطلب نيابة عن شخص آخر إلا موظف في مركز خدمة.",
        ["assisted_submitter"] = "لا يجوز للموظف الذي قدّم الطلب نيابة عن المواطن أن يعالجه أو يبتّ فيه.",
        ["currency_mismatch"] = "لا يمكن جمع مبالغ بعملات مختلفة.",
        ["document_not_uploaded"] = "لم تقم برفع هذا المستند بالبصمة والحجم ونوع المحتوى المذكورة. ارفعه أولاً ثم أشر إليه.",
        ["date_in_past"] = "لا يمكن تعديل التقويم لأيام سابقة لليوم.",
        ["effective_date_before_latest"] = "يجب أن يبدأ سريان جدول الرسوم الجديد بعد بدء سريان آخر جدول معتمد.",
        ["effective_date_in_past"] = "لا يمكن أن يبدأ سريان جدول الرسوم قبل اليوم.",
        ["fee_lines_required"] = "يحتاج جدول الرسوم إلى بند رسوم واحد على الأقل.",
        ["fee_not_paid"] = "لم تُدفع الرسوم كاملة بعد.",
        ["fee_schedule_missing"] = "لا يوجد جدول رسوم ساري المفعول لهذه الخدمة.",
        ["fee_schedule_required"] = "الخدمة المدفوعة ليس لها جدول رسوم ساري المفعول اليوم.",
        ["holiday_already_declared"] = "هذا اليوم معلن عطلة رسمية مسبقاً.",
        ["holiday_not_found"] = "هذا اليوم ليس عطلة رسمية معلنة.",
        ["information_request_not_open"] = "لا يوجد طلب معلومات مفتوح بهذا المعرّف.",
        ["invalid_fee_lines"] = "بنود الرسوم غير صالحة: يجب أن تكون رموزها فريدة ومبالغها موجبة بعملة واحدة.",
        ["invalid_role"] = "لا يُدرج في قائمة موظفي الدائرة إلا الموظفون والمشرفون.",
        ["invalid_status"] = "حالة الطلب لا تسمح بهذا الإجراء.",
        ["last_step_needs_decision"] = "هذه هي الخطوة الأخيرة: اقترح قراراً بدلاً من ذلك.",
        ["maker_checker"] = "لا يجوز للموظف الذي اقترح القرار أن يعتمده بنفسه.",
        ["no_fee_due"] = "لا توجد رسوم مستحقة على هذا الطلب.",
        ["no_pending_decision"] = "لا يوجد قرار مقترح بانتظار الاعتماد.",
        ["not_approved"] = "لا يصدر المستند إلا لطلب تمت الموافقة عليه.",
        ["not_assigned"] = "لا يتصرف في الطلب في هذه الخطوة إلا الموظف المسند إليه. تولَّ الطلب أولاً.",
        ["not_issued"] = "لم يصدر مستند لهذا الطلب.",
        ["not_rejected"] = "لا يُعترض إلا على طلب مرفوض.",
        ["officer_not_on_roster"] = "هذا الموظف ليس في قائمة موظفي دائرة الخطوة الحالية.",
        ["payment_amount_invalid"] = "يجب أن تكون الدفعة مبلغاً موجباً بعملة الرسوم.",
        ["reason_code_required"] = "يحتاج الرفض إلى رمز سبب.",
        ["reason_required"] = "يحتاج سحب الخدمة من الدليل إلى سبب.",
        ["refer_to_self"] = "لا يمكن إحالة الطلب إلى الدائرة التي تتولاه.",
        ["request_closed"] = "الطلب مغلق ولا يقبل أي إجراء آخر.",
        ["request_not_found"] = "لا يوجد طلب خدمة بهذا المعرّف.",
        ["payment_not_refundable"] = "لم تُحصَّل هذه الدفعة، فلا يمكن رد أي مبلغ منها.",
        ["stale_refundable_amount"] = "تغيّر المبلغ القابل للرد منذ قراءتك للدفعة. أعد تحميلها وقرّر مرة أخرى.",
        ["refund_exceeds_refundable"] = "المبلغ المطلوب رده يتجاوز المبلغ القابل للرد.",
        ["refund_not_awaiting_approval"] = "لا يمكن اعتماد إلا طلب رد لم يُعتمد بعد.",
        ["refund_not_approved"] = "لم يُعتمد طلب الرد بعد.",
        ["refund_not_found"] = "طلب الرد غير موجود.",
        ["statement_mixed_currencies"] = "يغطي كشف التسوية حساباً بعملة واحدة، وهذا الكشف يخلط بين عملات.",
        ["reconciliation_not_found"] = "لا توجد مطابقة بهذا المعرّف.",
        ["statement_not_csv"] = "أرسل كشف التسوية كمحتوى text/csv خام.",
        ["provider_unavailable"] = "تعذّر الاتصال بمزوّد الدفع. حاول مرة أخرى بعد قليل.",
        ["payment_not_due"] = "لا يوجد رسم مستحق الدفع على هذا الطلب الآن.",
        ["roster_not_found"] = "لا توجد قائمة موظفين لهذه الدائرة.",
        ["roster_forbidden"] = "لا يعدّل قائمة موظفي الدائرة إلا مسؤول النظام أو مشرف في الدائرة.",
        ["own_payment_refund"] = "لا يجوز لموظف المالية أن يطلب أو يعتمد استرداد دفعة دفعها بنفسه.",
        ["self_dealing"] = "لا يجوز للموظف أن يتصرف في طلب هو صاحبه أو قدّمه بنفسه.",
        ["service_not_found"] = "لا توجد خدمة بهذا الرمز في الدليل.",
        ["service_not_paid"] = "هذه الخدمة مجانية وليس لها جدول رسوم.",
        ["service_retired"] = "هذه الخدمة لم تعد متاحة.",
        ["sla_required"] = "تحتاج الخدمة إلى مدة إنجاز لا تقل عن يوم عمل واحد.",
        ["supervisor_required"] = "هذا الإجراء لمشرف في الدائرة المعنية.",
        ["workflow_required"] = "تحتاج الخدمة إلى خطوة واحدة على الأقل في مسار العمل.",
        ["unknown_department"] = "لا توجد دائرة مسجلة بهذا الرمز لإحالة الطلب إليها.",
        ["wrong_department"] = "لا يتصرف في هذا الطلب إلا موظفو الدائرة المعنية.",
        // Required documents and "tell us once" (issue 21).
        ["required_documents_missing"] = "ما زالت مستندات مطلوبة ناقصة؛ يجب تقديمها قبل المتابعة.",
        ["referenced_document_revoked"] = "أُلغي مستند أشار إليه الطلب؛ يجب على مقدّم الطلب تقديم بديل عنه.",
        ["no_documents"] = "أرفق مستنداً واحداً على الأقل.",
        ["documents_locked"] = "صدر قرار في الطلب، فلا تتغير مستنداته بعد الآن.",
        ["not_document_supplier"] = "يقدّم المستندات صاحب الطلب، أو الموظف الذي قدّم الطلب نيابة عنه.",
        ["document_not_required"] = "هذا المستند ليس من المستندات المطلوبة لهذه الخدمة.",
        ["document_not_referenceable"] = "هذا المستند لا تصدره جهة حكومية هنا؛ ارفعه بدلاً من الإشارة إليه.",
        ["document_not_government_issued"] = "هذا المستند غير معلَّم بأنه تصدره جهة حكومية.",
        ["reference_not_found"] = "لا يوجد مستند صادر بهذا الرمز.",
        ["reference_wrong_document"] = "المستند المشار إليه صادر عن خدمة أخرى غير المقبولة لهذا المستند.",
        ["reference_revoked"] = "المستند المشار إليه أُلغي.",
        ["reference_not_holder"] = "المستند المشار إليه صادر لشخص آخر.",
        ["reference_expired"] = "انقضت مدة صلاحية المستند المشار إليه لهذا الطلب.",
        ["unknown_issuing_service"] = "لا توجد خدمة منشورة تصدر هذا المستند.",
        ["validity_out_of_range"] = "مدة الصلاحية بين يوم واحد و3650 يوماً.",
        ["holder_field_invalid"] = "هذا الحقل ليس حقل رقم هوية في نموذج الخدمة.",
    };

    public static string? Title(string? code, int? status) =>
        code == "validation_failed" ? "حقل واحد أو أكثر غير صالح."
        : status is { } s && Titles.TryGetValue(s, out var title) ? title
        : null;

    public static string? Detail(string code) => Details.GetValueOrDefault(code);
}
