package dev.rpcadapter.ca;

import java.security.PrivateKey;

import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Content signers for certificates and CRLs, chosen by the signing key's type.
 */
public final class Signers {

	private Signers() {
	}

	/**
	 * Returns a SHA-256 signer for an EC or RSA private key.
	 * @param key the signing key
	 * @return the signer
	 */
	public static ContentSigner sha256(PrivateKey key) {
		String algorithm = switch (key.getAlgorithm()) {
			case "EC" -> "SHA256withECDSA";
			case "RSA" -> "SHA256withRSA";
			default -> throw new IllegalArgumentException(
					"Unsupported signing key type " + key.getAlgorithm() + "; use an EC or RSA key");
		};
		try {
			return new JcaContentSignerBuilder(algorithm).build(key);
		}
		catch (OperatorCreationException ex) {
			throw new IllegalStateException("Cannot create a " + algorithm + " signer: " + ex.getMessage(), ex);
		}
	}

}
