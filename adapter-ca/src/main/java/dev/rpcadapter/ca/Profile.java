package dev.rpcadapter.ca;

import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;

/**
 * The kinds of certificate the tool issues and their key usages.
 */
enum Profile {

	CA(KeyUsage.keyCertSign | KeyUsage.cRLSign | KeyUsage.digitalSignature),

	SERVER(KeyUsage.digitalSignature | KeyUsage.keyEncipherment, KeyPurposeId.id_kp_serverAuth,
			KeyPurposeId.id_kp_clientAuth),

	CLIENT(KeyUsage.digitalSignature | KeyUsage.keyEncipherment, KeyPurposeId.id_kp_clientAuth);

	private final int keyUsage;

	private final KeyPurposeId[] extendedKeyUsages;

	Profile(int keyUsage, KeyPurposeId... extendedKeyUsages) {
		this.keyUsage = keyUsage;
		this.extendedKeyUsages = extendedKeyUsages;
	}

	int keyUsage() {
		return this.keyUsage;
	}

	KeyPurposeId[] extendedKeyUsages() {
		return this.extendedKeyUsages.clone();
	}

	boolean isCa() {
		return this == CA;
	}

}
