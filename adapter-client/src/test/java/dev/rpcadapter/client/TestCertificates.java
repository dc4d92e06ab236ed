package dev.rpcadapter.client;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Test PKI made with Bouncy Castle: a CA, server certificates (matching 127.0.0.1 and
 * localhost, only localhost, or only other.example), a client certificate, and an unrelated CA.
 */
public final class TestCertificates {

	private static final AtomicLong SERIAL = new AtomicLong(1);

	private static final char[] PASSWORD = "changeit".toCharArray();

	private final Issued ca;

	private final Issued otherCa;

	private final Issued server;

	private final Issued mismatchedServer;

	private final Issued client;

	private final Issued localhostServer;

	private final Path directory;

	private TestCertificates(Path directory) throws Exception {
		this.directory = directory;
		this.ca = selfSigned("CN=Test CA");
		this.otherCa = selfSigned("CN=Other CA");
		this.server = issue(this.ca, "CN=server", new GeneralNames(new GeneralName[] {
				new GeneralName(GeneralName.iPAddress, "127.0.0.1"), new GeneralName(GeneralName.dNSName, "localhost") }));
		this.mismatchedServer = issue(this.ca, "CN=other", new GeneralNames(new GeneralName(GeneralName.dNSName, "other.example")));
		this.client = issue(this.ca, "CN=client", null);
		this.localhostServer = issue(this.ca, "CN=localhost",
				new GeneralNames(new GeneralName(GeneralName.dNSName, "localhost")));
	}

	public static TestCertificates create(Path directory) {
		try {
			TestCertificates certificates = new TestCertificates(directory);
			certificates.writeFiles();
			return certificates;
		}
		catch (Exception ex) {
			throw new IllegalStateException("Cannot create test certificates", ex);
		}
	}

	public Path caPem() {
		return this.directory.resolve("ca.pem");
	}

	public Path otherCaPem() {
		return this.directory.resolve("other-ca.pem");
	}

	public Path clientCertificatePem() {
		return this.directory.resolve("client.pem");
	}

	public Path clientKeyPem() {
		return this.directory.resolve("client-key.pem");
	}

	/** Certificate chain (PEM) of a server certificate that names only {@code localhost}. */
	public Path localhostServerCertificatePem() {
		return this.directory.resolve("localhost-server.pem");
	}

	/** PKCS#8 PEM private key of {@link #localhostServerCertificatePem()}. */
	public Path localhostServerKeyPem() {
		return this.directory.resolve("localhost-server-key.pem");
	}

	public X509Certificate caCertificate() {
		return this.ca.certificate();
	}

	public KeyStore caTrustStore() throws GeneralSecurityException, IOException {
		KeyStore store = KeyStore.getInstance("PKCS12");
		store.load(null, null);
		store.setCertificateEntry("ca", this.ca.certificate());
		return store;
	}

	public KeyStore clientKeyStore() throws GeneralSecurityException, IOException {
		return keyStore(this.client);
	}

	public static char[] keyStorePassword() {
		return PASSWORD.clone();
	}

	/** Server SSLContext; with {@code trustClients} it trusts client certificates from the CA. */
	public SSLContext serverContext(boolean mismatchedName, boolean trustClients) throws Exception {
		KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		keys.init(keyStore(mismatchedName ? this.mismatchedServer : this.server), PASSWORD);
		TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trust.init(caTrustStore());
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(keys.getKeyManagers(), trustClients ? trust.getTrustManagers() : null, null);
		return context;
	}

	private KeyStore keyStore(Issued issued) throws GeneralSecurityException, IOException {
		KeyStore store = KeyStore.getInstance("PKCS12");
		store.load(null, null);
		store.setKeyEntry("key", issued.keys().getPrivate(), PASSWORD,
				new X509Certificate[] { issued.certificate(), this.ca.certificate() });
		return store;
	}

	private void writeFiles() throws Exception {
		Files.writeString(caPem(), pem("CERTIFICATE", this.ca.certificate().getEncoded()));
		Files.writeString(otherCaPem(), pem("CERTIFICATE", this.otherCa.certificate().getEncoded()));
		Files.writeString(clientCertificatePem(), pem("CERTIFICATE", this.client.certificate().getEncoded())
				+ pem("CERTIFICATE", this.ca.certificate().getEncoded()));
		Files.writeString(clientKeyPem(), pkcs8Pem(this.client.keys().getPrivate()));
		Files.writeString(localhostServerCertificatePem(), pem("CERTIFICATE", this.localhostServer.certificate().getEncoded())
				+ pem("CERTIFICATE", this.ca.certificate().getEncoded()));
		Files.writeString(localhostServerKeyPem(), pkcs8Pem(this.localhostServer.keys().getPrivate()));
	}

	public static String pkcs8Pem(PrivateKey key) {
		return pem("PRIVATE KEY", key.getEncoded());
	}

	public static String pem(String type, byte[] der) {
		String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
		return "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n";
	}

	public static KeyPair ecKeys() throws GeneralSecurityException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(256);
		return generator.generateKeyPair();
	}

	private static Issued selfSigned(String subject) throws Exception {
		KeyPair keys = ecKeys();
		X509v3CertificateBuilder builder = builder(new X500Name(subject), new X500Name(subject), keys);
		builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
		return new Issued(sign(builder, keys.getPrivate()), keys);
	}

	private static Issued issue(Issued issuer, String subject, GeneralNames names) throws Exception {
		KeyPair keys = ecKeys();
		X500Name issuerName = new X500Name(issuer.certificate().getSubjectX500Principal().getName());
		X509v3CertificateBuilder builder = builder(issuerName, new X500Name(subject), keys);
		builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
		if (names != null) {
			builder.addExtension(Extension.subjectAlternativeName, false, names);
		}
		return new Issued(sign(builder, issuer.keys().getPrivate()), keys);
	}

	private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, KeyPair keys) {
		Instant now = Instant.now();
		return new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(SERIAL.getAndIncrement()),
				Date.from(now.minus(1, ChronoUnit.HOURS)), Date.from(now.plus(1, ChronoUnit.DAYS)), subject,
				keys.getPublic());
	}

	private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key)
			throws OperatorCreationException, GeneralSecurityException {
		return new JcaX509CertificateConverter()
			.getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key)));
	}

	private record Issued(X509Certificate certificate, KeyPair keys) {
	}

}
