package dev.rpcadapter.security.crl;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.CRLException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.util.Collection;
import java.util.List;

/**
 * Loads certificate revocation lists from PEM ({@code X509 CRL} blocks) or DER.
 */
public final class Crls {

	private static final String HOW_TO_FIX = "; point the CRL setting at a PEM or DER X.509 CRL file, e.g. one made with "
			+ "'openssl ca -gencrl' or 'java -jar adapter-ca-<version>-cli.jar crl' (adapter-ca)";

	private Crls() {
	}

	/**
	 * Reads all CRLs from a file.
	 * @param file a PEM or DER file
	 * @return the CRLs, at least one
	 * @throws CrlException ({@link CrlException.Reason#UNREADABLE}) when the file is
	 * missing, unreadable, empty or not a CRL
	 */
	public static List<X509CRL> load(Path file) {
		String source = file.toAbsolutePath().toString();
		try {
			return parse(Files.readAllBytes(file), source);
		}
		catch (NoSuchFileException ex) {
			throw new CrlException(CrlException.Reason.UNREADABLE, source,
					"CRL file " + source + " does not exist" + HOW_TO_FIX, ex);
		}
		catch (IOException ex) {
			throw new CrlException(CrlException.Reason.UNREADABLE, source,
					"CRL file " + source + " cannot be read (" + ex + ")" + HOW_TO_FIX, ex);
		}
	}

	/**
	 * Reads all CRLs from PEM or DER bytes.
	 * @param bytes the encoded CRLs
	 * @param source a description of where the bytes came from, used in messages
	 * @return the CRLs, at least one
	 * @throws CrlException ({@link CrlException.Reason#UNREADABLE}) when the bytes hold
	 * no CRL
	 */
	public static List<X509CRL> parse(byte[] bytes, String source) {
		try {
			Collection<? extends java.security.cert.CRL> crls = CertificateFactory.getInstance("X.509")
				.generateCRLs(new ByteArrayInputStream(bytes));
			if (crls.isEmpty()) {
				throw new CrlException(CrlException.Reason.UNREADABLE, source,
						"CRL " + source + " contains no CRL" + HOW_TO_FIX);
			}
			return crls.stream().map(X509CRL.class::cast).toList();
		}
		catch (CRLException | CertificateException ex) {
			throw new CrlException(CrlException.Reason.UNREADABLE, source,
					"CRL " + source + " is not a PEM or DER X.509 CRL (" + ex.getMessage() + ")" + HOW_TO_FIX, ex);
		}
	}

}
