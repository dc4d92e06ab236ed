package dev.rpcadapter.ca;

import java.security.cert.X509CRL;

import dev.rpcadapter.security.cert.AdapterOids;

/**
 * Creates a certificate authority, server and client certificates, and CRLs — for tests,
 * demos and small deployments. The command-line form is {@link CertificateToolCli}.
 * <p>
 * Client certificates carry their roles in extension {@value AdapterOids#ROLES} the way
 * the Python {@code mcp-proxy-adapter} tooling writes them (raw UTF-8, comma-separated),
 * so certificates made here work with both implementations.
 *
 * <pre class="code">
 * IssuedCertificate ca = CertificateTool.createCa(CertificateRequest.forName("Demo CA"));
 * IssuedCertificate server = CertificateTool.issueServer(ca,
 *         CertificateRequest.forName("localhost").withDnsNames("localhost").withIpAddresses("127.0.0.1"));
 * IssuedCertificate alice = CertificateTool.issueClient(ca, CertificateRequest.forName("alice").withRoles("admin"));
 * X509CRL crl = CertificateTool.createCrl(ca, CrlRequest.revoking(alice.serialNumber()));
 * </pre>
 */
public final class CertificateTool {

	private CertificateTool() {
	}

	/**
	 * Creates a self-signed certificate authority (basic constraints CA, key usage
	 * {@code keyCertSign} and {@code cRLSign}).
	 * @param request the CA's name, validity and key type
	 * @return the CA certificate and key
	 */
	public static IssuedCertificate createCa(CertificateRequest request) {
		return CertificateIssuer.issue(Profile.CA, request, null);
	}

	/**
	 * Issues a TLS server certificate (extended key usage {@code serverAuth} and
	 * {@code clientAuth}, so it can also authenticate to a proxy) with the request's DNS
	 * and IP subject alternative names.
	 * @param ca the issuing CA
	 * @param request the certificate's contents
	 * @return the certificate, key and chain
	 */
	public static IssuedCertificate issueServer(IssuedCertificate ca, CertificateRequest request) {
		return CertificateIssuer.issue(Profile.SERVER, request, ca);
	}

	/**
	 * Issues a TLS client certificate (extended key usage {@code clientAuth}) carrying
	 * the request's roles, permissions and unit id.
	 * @param ca the issuing CA
	 * @param request the certificate's contents
	 * @return the certificate, key and chain
	 */
	public static IssuedCertificate issueClient(IssuedCertificate ca, CertificateRequest request) {
		return CertificateIssuer.issue(Profile.CLIENT, request, ca);
	}

	/**
	 * Creates a CRL signed by the CA.
	 * @param ca the issuing CA
	 * @param request the revoked serial numbers and the update window
	 * @return the CRL
	 */
	public static X509CRL createCrl(IssuedCertificate ca, CrlRequest request) {
		return CrlIssuer.issue(ca, request);
	}

}
