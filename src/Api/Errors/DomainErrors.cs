namespace MyGovernment.Api.Errors;

/// <summary>
/// The business rules of src/Domain and src/Application: a refusal is a 422, a missing or foreign object a 404. The
/// raise site's English message stays the detail for English callers (it names the case, e.g. the request's status);
/// these entries give every code its wording in both languages.
/// </summary>
internal static class DomainErrors
{
    private static readonly Bilingual RuleTitle = new("Business rule refused the request", "رفضت قاعدة عمل الطلب");

    private static ErrorEntry Rule(string code, string en, string ar, string? context = null) => new(code, 422, RuleTitle, new(en, ar), context);

    private static ErrorEntry Missing(string code, string en, string ar) => new(code, 404, PipelineErrors.NotFound, new(en, ar));

    internal static IEnumerable<ErrorEntry> Entries =>
    [
        Missing("request_not_found", "No such service request, or it is not visible to you.", "لا يوجد طلب خدمة بهذا المعرّف، أو لا يحق لك الاطلاع عليه."),
        Missing("service_not_found", "No service with this code in the catalog.", "لا توجد خدمة بهذا الرمز في الدليل."),
        Missing("holiday_not_found", "This day is not a declared public holiday.", "هذا اليوم ليس عطلة رسمية معلنة."),
        Missing("payment_not_found", "No such payment, or it is not visible to you.", "لا توجد دفعة بهذا المعرّف، أو لا يحق لك الاطلاع عليها."),
        Missing("refund_not_found", "No such refund.", "طلب الرد غير موجود."),
        Missing("roster_not_found", "No officer roster for this department.", "لا توجد قائمة موظفين لهذه الدائرة."),
        Rule("already_assigned", "Another officer holds this request. A supervisor can reassign it.", "يتولى موظف آخر هذا الطلب. يمكن للمشرف إعادة إسناده."),
        Rule("already_decided", "A request with a decision cannot be withdrawn.", "لا يمكن سحب طلب صدر فيه قرار."),
        Rule("appeal_window_over", "The time to appeal this decision is over.", "انقضت مهلة الاعتراض على هذا القرار."),
        Rule("applicant_invalid", "The applicant has no valid national id or resident account.", "ليس لمقدّم الطلب رقم هوية صالح أو حساب مقيم."),
        Rule("approval_only_at_last_step", "A request is approved at its last step; complete this step instead.", "تتم الموافقة على الطلب في خطوته الأخيرة؛ أكمل هذه الخطوة بدلاً من ذلك."),
        Rule("assisted_requires_officer", "Only an officer at a service centre submits a request on someone else's behalf.", "لا يقدّم الطلب نيابة عن شخص آخر إلا موظف في مركز خدمة."),
        Rule("assisted_submitter", "The officer who submitted the request for the applicant may not handle or decide it.", "لا يجوز للموظف الذي قدّم الطلب نيابة عن المواطن أن يعالجه أو يبتّ فيه."),
        Rule("currency_mismatch", "Amounts in different currencies cannot be added.", "لا يمكن جمع مبالغ بعملات مختلفة."),
        Rule("document_not_uploaded", "You have not uploaded a document with this hash, size and media type. Upload it first, then refer to it.", "لم تقم برفع هذا المستند بالبصمة والحجم ونوع المحتوى المذكورة. ارفعه أولاً ثم أشر إليه."),
        Rule("date_in_past", "The calendar cannot be changed for days before today.", "لا يمكن تعديل التقويم لأيام سابقة لليوم."),
        Rule("effective_date_before_latest", "A new fee schedule must take effect after the latest adopted one.", "يجب أن يبدأ سريان جدول الرسوم الجديد بعد بدء سريان آخر جدول معتمد."),
        Rule("effective_date_in_past", "A fee schedule cannot take effect before today.", "لا يمكن أن يبدأ سريان جدول الرسوم قبل اليوم."),
        Rule("fee_lines_required", "A fee schedule needs at least one fee line.", "يحتاج جدول الرسوم إلى بند رسوم واحد على الأقل."),
        Rule("fee_not_paid", "The fee has not been paid in full yet.", "لم تُدفع الرسوم كاملة بعد."),
        Rule("fee_schedule_missing", "This service has no fee schedule in force.", "لا يوجد جدول رسوم ساري المفعول لهذه الخدمة."),
        Rule("fee_schedule_required", "A paid service has no fee schedule in force today.", "الخدمة المدفوعة ليس لها جدول رسوم ساري المفعول اليوم."),
        Rule("holiday_already_declared", "This day is already a declared public holiday.", "هذا اليوم معلن عطلة رسمية مسبقاً."),
        Rule("information_request_not_open", "There is no open information request with this id.", "لا يوجد طلب معلومات مفتوح بهذا المعرّف."),
        Rule("invalid_fee_lines", "Invalid fee lines: codes must be unique and amounts positive, in one currency.", "بنود الرسوم غير صالحة: يجب أن تكون رموزها فريدة ومبالغها موجبة بعملة واحدة."),
        Rule("invalid_role", "Only officers and supervisors are enrolled on a department roster.", "لا يُدرج في قائمة موظفي الدائرة إلا الموظفون والمشرفون."),
        Rule("invalid_status", "The request's status does not allow this action.", "حالة الطلب لا تسمح بهذا الإجراء."),
        Rule("last_step_needs_decision", "This is the last step: propose a decision instead.", "هذه هي الخطوة الأخيرة: اقترح قراراً بدلاً من ذلك."),
        Rule("maker_checker", "The officer who proposed a decision may not also approve it.", "لا يجوز للموظف الذي اقترح القرار أن يعتمده بنفسه."),
        Rule("maker_checker", "A refund must be approved by someone other than the person who requested it.", "يجب أن يعتمد طلب الرد شخص غير الذي طلبه.", "refund"),
        Rule("no_fee_due", "No fee is due on this request.", "لا توجد رسوم مستحقة على هذا الطلب."),
        Rule("no_pending_decision", "There is no proposed decision awaiting approval.", "لا يوجد قرار مقترح بانتظار الاعتماد."),
        Rule("not_approved", "A document is issued only for an approved request.", "لا يصدر المستند إلا لطلب تمت الموافقة عليه."),
        Rule("not_assigned", "Only the officer assigned to this request at this step may act on it. Claim it first.", "لا يتصرف في الطلب في هذه الخطوة إلا الموظف المسند إليه. تولَّ الطلب أولاً."),
        Rule("not_issued", "No document has been issued for this request.", "لم يصدر مستند لهذا الطلب."),
        Rule("not_rejected", "Only a rejected request can be appealed.", "لا يُعترض إلا على طلب مرفوض."),
        Rule("officer_not_on_roster", "That officer is not on the roster of the current step's department.", "هذا الموظف ليس في قائمة موظفي دائرة الخطوة الحالية."),
        Rule("payment_amount_invalid", "A payment must be a positive amount in the fee's currency.", "يجب أن تكون الدفعة مبلغاً موجباً بعملة الرسوم."),
        Rule("payment_not_due", "No fee is due for payment on this request now.", "لا يوجد رسم مستحق الدفع على هذا الطلب الآن."),
        Rule("reason_code_required", "A rejection needs a reason code.", "يحتاج الرفض إلى رمز سبب."),
        Rule("reason_required", "Retiring a service from the catalog needs a reason.", "يحتاج سحب الخدمة من الدليل إلى سبب."),
        Rule("refer_to_self", "A request cannot be referred to the department that holds it.", "لا يمكن إحالة الطلب إلى الدائرة التي تتولاه."),
        Missing("webhook_subscription_not_found", "No such webhook subscription, or it is not yours.", "لا يوجد اشتراك ويب هوك بهذا المعرّف، أو أنه ليس لك."),
        Missing("webhook_delivery_not_found", "No such delivery for this subscription.", "لا يوجد إرسال بهذا المعرّف لهذا الاشتراك."),
        Rule("client_app_not_registered", "No client app is registered with this token's client id.", "لا يوجد تطبيق عميل مسجل بمعرّف العميل في هذا الرمز."),
        Rule("webhook_delivery_pending", "This delivery is still being attempted; redeliver it once it has succeeded or failed.", "ما زالت محاولات هذا الإرسال جارية؛ أعد إرساله بعد نجاحه أو فشله."),
        Rule("request_closed", "The request is closed and accepts no further action.", "الطلب مغلق ولا يقبل أي إجراء آخر."),
        Rule("payment_not_refundable", "This payment was not collected, so nothing of it can be refunded.", "لم تُحصَّل هذه الدفعة، فلا يمكن رد أي مبلغ منها."),
        Rule("stale_refundable_amount", "The refundable amount changed since you read the payment. Reload it and decide again.", "تغيّر المبلغ القابل للرد منذ قراءتك للدفعة. أعد تحميلها وقرّر مرة أخرى."),
        Rule("refund_exceeds_refundable", "The amount to refund exceeds the refundable amount.", "المبلغ المطلوب رده يتجاوز المبلغ القابل للرد."),
        Rule("refund_not_awaiting_approval", "Only a requested refund that is not yet approved can be approved.", "لا يمكن اعتماد إلا طلب رد لم يُعتمد بعد."),
        Rule("refund_not_approved", "The refund has not been approved yet.", "لم يُعتمد طلب الرد بعد."),
        Rule("own_payment_refund", "A finance officer may not request or approve the refund of a payment they paid themselves.", "لا يجوز لموظف المالية أن يطلب أو يعتمد استرداد دفعة دفعها بنفسه."),
        Rule("self_dealing", "An officer may not act on a request they applied for or submitted themselves.", "لا يجوز للموظف أن يتصرف في طلب هو صاحبه أو قدّمه بنفسه."),
        Rule("service_not_paid", "This service is free and has no fee schedule.", "هذه الخدمة مجانية وليس لها جدول رسوم."),
        Rule("service_retired", "This service is no longer offered.", "هذه الخدمة لم تعد متاحة."),
        Rule("sla_required", "A service needs a completion time of at least one working day.", "تحتاج الخدمة إلى مدة إنجاز لا تقل عن يوم عمل واحد."),
        Rule("supervisor_required", "This action is for a supervisor of the department concerned.", "هذا الإجراء لمشرف في الدائرة المعنية."),
        Rule("workflow_required", "A service needs at least one workflow step.", "تحتاج الخدمة إلى خطوة واحدة على الأقل في مسار العمل."),
        Rule("unknown_department", "No department is registered with this code to refer the request to.", "لا توجد دائرة مسجلة بهذا الرمز لإحالة الطلب إليها."),
        Rule("wrong_department", "Only staff of the department concerned may act on this request.", "لا يتصرف في هذا الطلب إلا موظفو الدائرة المعنية."),
        Rule("statement_mixed_currencies", "A settlement statement covers an account in one currency; this one mixes currencies.", "يغطي كشف التسوية حساباً بعملة واحدة، وهذا الكشف يخلط بين عملات."),
        // Required documents and "tell us once" (issue 21).
        Rule("required_documents_missing", "Required documents are still missing; supply them before going on.", "ما زالت مستندات مطلوبة ناقصة؛ يجب تقديمها قبل المتابعة."),
        Rule("referenced_document_revoked", "A document this request referenced was revoked; the applicant must supply a replacement.", "أُلغي مستند أشار إليه الطلب؛ يجب على مقدّم الطلب تقديم بديل عنه."),
        Rule("no_documents", "Attach at least one document.", "أرفق مستنداً واحداً على الأقل."),
        Rule("documents_locked", "The request is decided; its documents can no longer change.", "صدر قرار في الطلب، فلا تتغير مستنداته بعد الآن."),
        Rule("not_document_supplier", "Documents are supplied by the applicant, or by the officer who submitted the request for them.", "يقدّم المستندات صاحب الطلب، أو الموظف الذي قدّم الطلب نيابة عنه."),
        Rule("document_not_required", "This document is not one the service requires.", "هذا المستند ليس من المستندات المطلوبة لهذه الخدمة."),
        Rule("document_not_referenceable", "This document is not issued by a government service here: upload it instead.", "هذا المستند لا تصدره جهة حكومية هنا؛ ارفعه بدلاً من الإشارة إليه."),
        Rule("document_not_government_issued", "This document is not marked as issued by the government.", "هذا المستند غير معلَّم بأنه تصدره جهة حكومية."),
        Rule("reference_not_found", "No document was issued with this verification code.", "لا يوجد مستند صادر بهذا الرمز."),
        Rule("reference_wrong_document", "The referenced document was issued by another service than the one this requirement accepts.", "المستند المشار إليه صادر عن خدمة أخرى غير المقبولة لهذا المستند."),
        Rule("reference_revoked", "The referenced document was revoked.", "المستند المشار إليه أُلغي."),
        Rule("reference_not_holder", "The referenced document was issued to someone else.", "المستند المشار إليه صادر لشخص آخر."),
        Rule("reference_expired", "The referenced document is past the validity this request accepts.", "انقضت مدة صلاحية المستند المشار إليه لهذا الطلب."),
        Rule("unknown_issuing_service", "No published service issues such documents.", "لا توجد خدمة منشورة تصدر هذا المستند."),
        Rule("validity_out_of_range", "The validity is 1 to 3650 days.", "مدة الصلاحية بين يوم واحد و3650 يوماً."),
        Rule("holder_field_invalid", "This field is not a national-ID field of the service's form.", "هذا الحقل ليس حقل رقم هوية في نموذج الخدمة."),
    ];
}
