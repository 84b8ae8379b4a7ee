namespace MyGovernment.Api.Security;

/// <summary>
/// The JSON body <see cref="CardDataGuard"/> has read in full (the request's body is also left rewound). The checks
/// after it (<see cref="NulCharacterGuard"/>, the Idempotency-Key fingerprint) use these bytes: reading and copying the
/// body again for each of them was repeated work on every command (issue 16).
/// </summary>
public sealed record BufferedJsonBody(byte[] Bytes);
