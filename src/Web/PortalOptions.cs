namespace MyGovernment.Web;

/// <summary>The portal's own settings (section "Portal"): where the engine is and how people sign in.</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>The engine's address. Empty when the API hosts the portal: then the host's own address is used.</summary>
    public string? ApiBaseUrl { get; set; }

    /// <summary>The persona picker that mints development tokens (POST /dev/tokens). Development and Testing only.</summary>
    public bool DevelopmentSignIn { get; set; }

    /// <summary>Origins besides our own that a form may lead to (the payment provider's hosted page).</summary>
    public string[] FormActionOrigins { get; set; } = [];

    public OidcSettings Oidc { get; set; } = new();
}

/// <summary>The OpenID Connect client the portal is, at the authority the API trusts (code flow with PKCE).</summary>
public sealed class OidcSettings
{
    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }

    /// <summary>The audience the API expects, asked for as a scope.</summary>
    public string? ApiScope { get; set; }
}
