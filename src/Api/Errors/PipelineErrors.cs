namespace MyGovernment.Api.Errors;

/// <summary>
/// Codes of the HTTP pipeline shared by every endpoint: input that cannot be read, authentication, routing, limits,
/// concurrency, idempotency keys and the database. The framework's own refusals get theirs by status
/// (<see cref="ErrorCatalogue.ForStatus"/>).
/// </summary>
internal static class PipelineErrors
{
    internal static readonly Bilingual BadRequest = new("Bad request", "طلب غير صالح");
    internal static readonly Bilingual NotFound = new("Not found", "غير موجود");
    internal static readonly Bilingual Conflict = new("Conflict", "تعارض");
    internal static readonly Bilingual TooLarge = new("Payload too large", "حجم الطلب كبير جداً");
    internal static readonly Bilingual UnsupportedMediaType = new("Unsupported media type", "نوع المحتوى غير مدعوم");
    internal static readonly Bilingual Unavailable = new("Service unavailable", "الخدمة غير متاحة");

    private static readonly Bilingual InvalidJson = new("Invalid JSON", "محتوى JSON غير صالح");

    internal static IEnumerable<ErrorEntry> Entries =>
    [
        new("validation_failed", 400, new("One or more fields are invalid.", "حقل واحد أو أكثر غير صالح."),
            new("See errors for the message of each field.", "راجع errors لمعرفة رسالة كل حقل.")),
        new("invalid_json", 400, InvalidJson,
            new("The request body is not valid JSON: it breaks at line {line}, column {column} (JSON path {path}).",
                "محتوى الطلب ليس JSON صالحاً: يتعطل عند السطر {line}، العمود {column} (المسار {path}).")),
        new("invalid_json", 400, InvalidJson,
            new("The request body is empty; this endpoint needs a JSON object.",
                "محتوى الطلب فارغ، وهذه العملية تحتاج إلى كائن JSON."), InvalidJsonProblem.Empty),
        new("invalid_json", 400, InvalidJson,
            new("The value at JSON path {path} (line {line}, column {column}) is not of the type this field takes.",
                "القيمة في المسار {path} (السطر {line}، العمود {column}) ليست من النوع الذي يقبله هذا الحقل."), InvalidJsonProblem.WrongType),
        new("bad_request", 400, BadRequest,
            new("The request could not be read: check its parameters, headers and body.", "تعذّرت قراءة الطلب: تحقّق من معاملاته وترويساته ومحتواه.")),
        new("nul_character_refused", 400, BadRequest,
            new("The request contains the NUL character (U+0000), which no field accepts.", "يحتوي الطلب على المحرف الفارغ (U+0000)، وهو غير مقبول في أي حقل.")),
        new("card_data_refused", 400, new("Card data refused", "رُفضت بيانات البطاقة"),
            new("The request appears to contain a payment card number. Card data is entered only on the payment provider's page, never sent to this API.",
                "يبدو أن الطلب يحتوي على رقم بطاقة دفع. تُدخل بيانات البطاقة في صفحة مزوّد الدفع فقط، ولا تُرسل إلى هذه الواجهة أبداً.")),
        new("unauthenticated", 401, new("Sign-in required", "يلزم تسجيل الدخول"),
            new("Send a valid bearer token.", "أرسل رمز دخول (Bearer) صالحاً.")),
        new("forbidden", 403, new("Forbidden", "غير مسموح"),
            new("Your role may not call this operation.", "لا يسمح دورك باستدعاء هذه العملية.")),
        new("not_found", 404, NotFound,
            new("Nothing exists at this address.", "لا يوجد شيء على هذا العنوان.")),
        new("method_not_allowed", 405, new("Method not allowed", "الطريقة غير مسموحة"),
            new("This address does not accept this HTTP method.", "هذا العنوان لا يقبل طريقة HTTP هذه.")),
        new("not_acceptable", 406, new("Not acceptable", "لا يمكن تقديم الصيغة المطلوبة"),
            new("This address cannot answer in any media type the Accept header allows.", "لا يمكن لهذا العنوان الإجابة بأي نوع محتوى تسمح به ترويسة Accept.")),
        new("conflict", 409, Conflict,
            new("The request conflicts with the current state of the object.", "يتعارض الطلب مع الحالة الحالية للكائن.")),
        new("concurrency_conflict", 409, Conflict,
            new("Someone else changed this object at the same time. Reload it and try again.", "غيّر شخص آخر هذا الكائن في الوقت نفسه. أعد تحميله وحاول مرة أخرى.")),
        new("duplicate", 409, Conflict,
            new("The object already exists.", "الكائن موجود مسبقاً.")),
        new("idempotency_in_flight", 409, Conflict,
            new("A request with this Idempotency-Key is still being processed. Retry shortly to get its response.",
                "ما زال طلب بمفتاح Idempotency-Key هذا قيد المعالجة. أعد المحاولة بعد قليل للحصول على استجابته.")),
        new("stale_version", 412, new("Precondition failed", "فشل الشرط المسبق"),
            new("The object changed since you last read it. Reload it and try again.", "تغيّر الكائن منذ آخر قراءة له. أعد تحميله وحاول مرة أخرى.")),
        new("payload_too_large", 413, TooLarge,
            new("The request body is larger than this endpoint accepts.", "حجم المحتوى يتجاوز الحد المسموح لهذه العملية.")),
        new("unsupported_media_type", 415, UnsupportedMediaType,
            new("This endpoint does not accept the request's Content-Type.", "لا تقبل هذه العملية نوع المحتوى (Content-Type) المرسل.")),
        new("unprocessable", 422, new("Unprocessable request", "تعذّرت معالجة الطلب"),
            new("The request is well-formed but cannot be carried out.", "الطلب سليم الصيغة لكن لا يمكن تنفيذه.")),
        new("idempotency_key_reused", 422, new("Idempotency key reused", "أعيد استخدام مفتاح عدم التكرار"),
            new("This Idempotency-Key was already used for a different request. Use a new key for a new request.",
                "استُخدم مفتاح Idempotency-Key هذا لطلب مختلف. استخدم مفتاحاً جديداً لكل طلب جديد.")),
        new("rate_limited", 429, new("Too many requests", "طلبات كثيرة جداً"),
            new("Too many requests from this caller. Try again after the Retry-After interval.",
                "طلبات كثيرة جداً من هذا المستخدم. حاول مرة أخرى بعد المدة المذكورة في ترويسة Retry-After.")),
        new("internal_error", 500, new("Internal server error", "خطأ داخلي في الخادم"),
            new("The request could not be completed.", "تعذّر إكمال الطلب.")),
        new("database_unavailable", 503, Unavailable,
            new("The database is unavailable. Try again shortly.", "قاعدة البيانات غير متاحة. حاول مرة أخرى بعد قليل.")),
        new("server_busy", 503, Unavailable,
            new("The service is busy. Try again after the Retry-After interval.", "الخدمة مشغولة. حاول مرة أخرى بعد المدة المذكورة في ترويسة Retry-After.")),
        new("unavailable", 503, Unavailable,
            new("The service is unavailable. Try again shortly.", "الخدمة غير متاحة. حاول مرة أخرى بعد قليل.")),
    ];
}
