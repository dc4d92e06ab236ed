package dev.rpcadapter.security.crl;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Validates chains with a delegate, then rejects revoked leaf certificates.
 */
final class RevocationCheckingTrustManager extends X509ExtendedTrustManager {

	private final X509ExtendedTrustManager delegate;

	private final RevocationChecker checker;

	RevocationCheckingTrustManager(X509ExtendedTrustManager delegate, RevocationChecker checker) {
		this.delegate = delegate;
		this.checker = checker;
	}

	@Override
	public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
		this.delegate.checkClientTrusted(chain, authType);
		checkLeaf(chain);
	}

	@Override
	public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
			throws CertificateException {
		this.delegate.checkClientTrusted(chain, authType, socket);
		checkLeaf(chain);
	}

	@Override
	public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
			throws CertificateException {
		this.delegate.checkClientTrusted(chain, authType, engine);
		checkLeaf(chain);
	}

	@Override
	public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
		this.delegate.checkServerTrusted(chain, authType);
		checkLeaf(chain);
	}

	@Override
	public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
			throws CertificateException {
		this.delegate.checkServerTrusted(chain, authType, socket);
		checkLeaf(chain);
	}

	@Override
	public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
			throws CertificateException {
		this.delegate.checkServerTrusted(chain, authType, engine);
		checkLeaf(chain);
	}

	@Override
	public X509Certificate[] getAcceptedIssuers() {
		return this.delegate.getAcceptedIssuers();
	}

	private void checkLeaf(X509Certificate[] chain) throws CertificateException {
		if (chain.length == 0) {
			throw new CertificateException("Empty certificate chain");
		}
		this.checker.check(chain[0]);
	}

}
