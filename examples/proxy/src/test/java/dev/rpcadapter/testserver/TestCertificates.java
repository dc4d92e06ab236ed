package dev.rpcadapter.testserver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.net.ssl.SSLContext;

import dev.rpcadapter.ca.CertificateRequest;
import dev.rpcadapter.ca.CertificateTool;
import dev.rpcadapter.ca.IssuedCertificate;
import dev.rpcadapter.ca.Pem;
import dev.rpcadapter.ca.TlsMaterial;

/**
 * A throw-away PKI for tests, made with the {@link CertificateTool}: a CA and leaf certificates
 * (server and client auth, SAN localhost and 127.0.0.1) written as PEM files, and the Boot SSL
 * bundle properties that point at them.
 */
public final class TestCertificates {

	private final Path dir;

	private final IssuedCertificate ca;

	public TestCertificates(Path dir) throws IOException {
		this.dir = dir;
		this.ca = CertificateTool.createCa(CertificateRequest.forName("rpc-adapter test CA"));
		write("ca.pem", Pem.encode(this.ca.certificate()));
	}

	/** Issues {@code <name>.pem} and {@code <name>-key.pem}, usable for server and client auth, with these roles. */
	public Leaf issue(String name, String... roles) throws IOException {
		IssuedCertificate issued = CertificateTool.issueServer(this.ca,
				CertificateRequest.forName(name).withDnsNames("localhost").withIpAddresses("127.0.0.1").withRoles(roles));
		write(name + ".pem", issued.certificatePem());
		write(name + "-key.pem", issued.privateKeyPem());
		return new Leaf(name, issued);
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
	public SSLContext sslContext(Leaf leaf) {
		return TlsMaterial.sslContext(leaf.issued(), TlsMaterial.trustManager(List.of(this.ca.certificate())));
	}

	private String url(String file) {
		return "file:" + this.dir.resolve(file).toAbsolutePath();
	}

	private void write(String file, String content) throws IOException {
		Files.writeString(this.dir.resolve(file), content, StandardCharsets.US_ASCII);
	}

	/**
	 * An issued certificate.
	 * @param name its file name stem and CN
	 * @param issued the certificate, its key and its chain
	 */
	public record Leaf(String name, IssuedCertificate issued) {
	}

}
