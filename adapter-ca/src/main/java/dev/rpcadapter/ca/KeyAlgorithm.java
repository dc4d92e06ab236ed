package dev.rpcadapter.ca;

/**
 * Key pair types the certificate tool can generate.
 */
public enum KeyAlgorithm {

	/**
	 * Elliptic curve P-256 keys (certificates signed with SHA256withECDSA): small and
	 * fast, the default.
	 */
	EC_P256("EC", 256),

	/**
	 * RSA 2048-bit keys (certificates signed with SHA256withRSA), for peers that cannot
	 * use EC.
	 */
	RSA_2048("RSA", 2048);

	private final String jcaName;

	private final int keySize;

	KeyAlgorithm(String jcaName, int keySize) {
		this.jcaName = jcaName;
		this.keySize = keySize;
	}

	/**
	 * @return the JCA key pair generator algorithm name
	 */
	public String jcaName() {
		return this.jcaName;
	}

	/**
	 * @return the key size in bits
	 */
	public int keySize() {
		return this.keySize;
	}

}
