package dev.rpcadapter.security.cert;

/**
 * How the role, permission and unit id extensions are encoded inside the extension's
 * {@code extnValue} OCTET STRING. {@link CertificateIdentity} reads both.
 */
public enum RoleEncoding {

	/**
	 * The UTF-8 bytes of the value directly, as the Python tooling writes them. The
	 * default.
	 */
	RAW_UTF8,

	/**
	 * A DER {@code UTF8String}, as {@code openssl} writes for
	 * {@code 1.3.6.1.4.1.99999.1.1=ASN1:UTF8String:admin,user}.
	 */
	DER_UTF8_STRING

}
