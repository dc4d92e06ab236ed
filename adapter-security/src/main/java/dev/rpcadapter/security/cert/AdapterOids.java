package dev.rpcadapter.security.cert;

/**
 * Object identifiers of the X.509 extensions that carry rpc-adapter identity data in
 * client certificates. Compatible with the Python {@code mcp-proxy-adapter} tooling.
 */
public final class AdapterOids {

	/** Comma-separated role names, e.g. {@code admin,user}. */
	public static final String ROLES = "1.3.6.1.4.1.99999.1.1";

	/** Comma-separated permission names. */
	public static final String PERMISSIONS = "1.3.6.1.4.1.99999.1.2";

	/** The unit id of the caller (a UUID in the Python tooling). */
	public static final String UNIT_ID = "1.3.6.1.4.1.99999.1.3";

	/**
	 * Prefix of subject alternative name DNS entries that carry a role when
	 * {@link #ROLES} is absent.
	 */
	public static final String SAN_ROLE_PREFIX = "role=";

	private AdapterOids() {
	}

}
