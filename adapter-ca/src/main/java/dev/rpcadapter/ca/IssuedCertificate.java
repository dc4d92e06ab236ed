package dev.rpcadapter.ca;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A certificate together with its private key and its chain, as created by
 * {@link CertificateTool}.
 *
 * @param certificate the certificate
 * @param privateKey its private key
 * @param chain the certificate first, then its issuers up to the root (a CA's chain is
 * itself)
 */
public record IssuedCertificate(X509Certificate certificate, PrivateKey privateKey, List<X509Certificate> chain) {

	public IssuedCertificate {
		chain = List.copyOf(chain);
		if (chain.isEmpty() || !chain.get(0).equals(certificate)) {
			throw new IllegalArgumentException("The chain must start with the certificate itself");
		}
	}

	/**
	 * @return the certificate's serial number
	 */
	public BigInteger serialNumber() {
		return this.certificate.getSerialNumber();
	}

	/**
	 * @return the certificate as PEM text
	 */
	public String certificatePem() {
		return Pem.encode(this.certificate);
	}

	/**
	 * @return the private key as unencrypted PKCS#8 PEM text
	 */
	public String privateKeyPem() {
		return Pem.encode(this.privateKey);
	}

	/**
	 * Writes {@code <baseName>.crt} (PEM certificate) and {@code <baseName>.key} (PKCS#8
	 * PEM key, owner-only permissions where the file system supports them) into a
	 * directory, creating it if needed and replacing existing files.
	 * @param directory the target directory
	 * @param baseName the file name without extension, e.g. {@code server}
	 * @return the written files
	 */
	public PemFiles writeTo(Path directory, String baseName) {
		try {
			Files.createDirectories(directory);
			Path certificateFile = directory.resolve(baseName + ".crt");
			Path keyFile = directory.resolve(baseName + ".key");
			Files.writeString(certificateFile, certificatePem(), StandardCharsets.US_ASCII);
			Files.deleteIfExists(keyFile);
			Files.writeString(keyFile, privateKeyPem(), StandardCharsets.US_ASCII);
			restrictToOwner(keyFile);
			return new PemFiles(certificateFile, keyFile);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write certificate files to " + directory.toAbsolutePath(), ex);
		}
	}

	/**
	 * Returns an in-memory PKCS#12 key store holding the key and chain under one alias.
	 * @param alias the key entry alias
	 * @param password the key store and key password
	 * @return the key store
	 */
	public KeyStore toKeyStore(String alias, char[] password) {
		try {
			KeyStore keyStore = KeyStore.getInstance("PKCS12");
			keyStore.load(null, password);
			keyStore.setKeyEntry(alias, this.privateKey, password, this.chain.toArray(X509Certificate[]::new));
			return keyStore;
		}
		catch (GeneralSecurityException | IOException ex) {
			throw new IllegalStateException("Cannot build a PKCS#12 key store: " + ex.getMessage(), ex);
		}
	}

	/**
	 * @return the subject and serial number; never the private key
	 */
	@Override
	public String toString() {
		return "IssuedCertificate[subject=" + this.certificate.getSubjectX500Principal() + ", serial="
				+ this.certificate.getSerialNumber().toString(16) + ", chainLength=" + this.chain.size() + "]";
	}

	private static void restrictToOwner(Path file) throws IOException {
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException ex) {
			// not a POSIX file system: keep the platform default
		}
	}

	/**
	 * Files written by {@link IssuedCertificate#writeTo(Path, String)}.
	 *
	 * @param certificate the PEM certificate file
	 * @param privateKey the PEM private key file
	 */
	public record PemFiles(Path certificate, Path privateKey) {
	}

}
