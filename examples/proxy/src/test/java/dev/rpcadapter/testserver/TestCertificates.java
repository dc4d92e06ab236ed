package dev.rpcadapter.testserver;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A throw-away PKI for tests: a CA and leaf certificates (server and client auth, SAN localhost
 * and 127.0.0.1) written as PEM files, and the Boot SSL bundle properties that point at them.
 */
public final class TestCertificates {

	private static final AtomicLong serials = new AtomicLong(System.currentTimeMillis());

	private final Path dir;

	private final KeyPair caKeys;

	private final X509Certificate ca;

	public TestCertificates(Path dir) throws Exception {
		this.dir = dir;
		this.caKeys = keys();
		X500Name name = new X500Name("CN=rpc-adapter test CA");
		X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(), notBefore(), notAfter(),
				name, this.caKeys.getPublic());
		builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
		builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
		this.ca = sign(builder, this.caKeys);
		write("ca.pem", pem("CERTIFICATE", this.ca.getEncoded()));
	}

	/** Issues {@code <name>.pem} and {@code <name>-key.pem}, usable for server and client auth. */
	public Leaf issue(String name) throws Exception {
		KeyPair keys = keys();
		X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(this.ca, serial(), notBefore(), notAfter(),
				new X500Name("CN=" + name), keys.getPublic());
		builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
		builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
		builder.addExtension(Extension.extendedKeyUsage, false,
				new ExtendedKeyUsage(new KeyPurposeId[] { KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth }));
		builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
				new GeneralName(GeneralName.dNSName, "localhost"), new GeneralName(GeneralName.iPAddress, "127.0.0.1") }));
		X509Certificate certificate = sign(builder, this.caKeys);
		write(name + ".pem", pem("CERTIFICATE", certificate.getEncoded()));
		write(name + "-key.pem", pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
		return new Leaf(name, keys, certificate);
	}

	/** Properties defining {@code spring.ssl.bundle.pem.<bundle>} with the leaf's key and the CA as trust. */
	public String[] bundle(String bundle, Leaf leaf) {
		String prefix = "spring.ssl.bundle.pem." + bundle + ".";
		return new String[] { prefix + "keystore.certificate=" + url(leaf.name() + ".pem"),
				prefix + "keystore.private-key=" + url(leaf.name() + "-key.pem"),
				prefix + "truststore.certificate=" + url("ca.pem") };
	}

	/** A bundle that trusts the CA but holds no client certificate. */
	public String[] trustOnlyBundle(String bundle) {
		return new String[] { "spring.ssl.bundle.pem." + bundle + ".truststore.certificate=" + url("ca.pem") };
	}

	/** A JDK SSL context presenting the leaf and trusting the CA. */
	public SSLContext sslContext(Leaf leaf) throws GeneralSecurityException, IOException {
		char[] password = "test".toCharArray();
		KeyStore keyStore = KeyStore.getInstance("PKCS12");
		keyStore.load(null, null);
		keyStore.setKeyEntry("key", leaf.keys().getPrivate(), password,
				new X509Certificate[] { leaf.certificate(), this.ca });
		KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		keyManagers.init(keyStore, password);
		KeyStore trustStore = KeyStore.getInstance("PKCS12");
		trustStore.load(null, null);
		trustStore.setCertificateEntry("ca", this.ca);
		TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		trustManagers.init(trustStore);
		SSLContext context = SSLContext.getInstance("TLS");
		context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
		return context;
	}

	private String url(String file) {
		return "file:" + this.dir.resolve(file).toAbsolutePath();
	}

	private void write(String file, String content) throws IOException {
		Files.writeString(this.dir.resolve(file), content, StandardCharsets.US_ASCII);
	}

	private static String pem(String type, byte[] der) {
		String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
		return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
	}

	private static KeyPair keys() throws GeneralSecurityException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(256);
		return generator.generateKeyPair();
	}

	private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair issuer)
			throws OperatorCreationException, GeneralSecurityException {
		return new JcaX509CertificateConverter()
			.getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuer.getPrivate())));
	}

	private static BigInteger serial() {
		return BigInteger.valueOf(serials.incrementAndGet());
	}

	private static Date notBefore() {
		return Date.from(Instant.now().minus(Duration.ofHours(1)));
	}

	private static Date notAfter() {
		return Date.from(Instant.now().plus(Duration.ofDays(1)));
	}

	/**
	 * An issued certificate.
	 * @param name its file name stem and CN
	 * @param keys its key pair
	 * @param certificate the certificate
	 */
	public record Leaf(String name, KeyPair keys, X509Certificate certificate) {
	}

}
