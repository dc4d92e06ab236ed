package dev.rpcadapter.client;

import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

import org.jspecify.annotations.Nullable;

/**
 * Builds the client's {@link SSLContext} from {@link TlsMaterial}. Host name verification
 * is not configured here: the JDK HttpClient always enables it (endpoint identification
 * "HTTPS"), and only the trust-all manager bypasses it.
 */
final class SslContexts {

	private static final System.Logger LOGGER = System.getLogger(SslContexts.class.getName());

	private static final char[] EPHEMERAL_PASSWORD = "rpc-adapter-client".toCharArray();

	private SslContexts() {
	}

	/**
	 * @return the context, or {@code null} when no TLS option was set (use the JDK
	 * default)
	 */
	static @Nullable SSLContext create(TlsMaterial tls) {
		if (tls.sslContext() != null) {
			return tls.sslContext();
		}
		if (!tls.isConfigured()) {
			return null;
		}
		if (tls.trustAll()) {
			LOGGER.log(System.Logger.Level.WARNING, "TLS certificate and host name verification is DISABLED "
					+ "(insecureTrustAllCertificatesDangerous); traffic and credentials can be intercepted");
		}
		try {
			SSLContext context = SSLContext.getInstance("TLS");
			context.init(keyManagers(tls), trustManagers(tls), null);
			return context;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("Cannot set up TLS: " + ex.getMessage(), ex);
		}
	}

	private static TrustManager @Nullable [] trustManagers(TlsMaterial tls) throws GeneralSecurityException {
		if (tls.trustAll()) {
			return new TrustManager[] { new TrustAllManager() };
		}
		KeyStore trustStore = (tls.caPem() != null) ? trustStoreOf(tls.caPem()) : tls.trustStore();
		if (trustStore == null) {
			return null;
		}
		TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
		factory.init(trustStore);
		return factory.getTrustManagers();
	}

	private static KeyManager @Nullable [] keyManagers(TlsMaterial tls) throws GeneralSecurityException {
		KeyStore keyStore = tls.keyStore();
		char[] password = tls.keyPassword();
		if (tls.certificatePem() != null && tls.privateKeyPem() != null) {
			keyStore = keyStoreOf(tls.certificatePem(), tls.privateKeyPem());
			password = EPHEMERAL_PASSWORD;
		}
		if (keyStore == null || password == null) {
			return null;
		}
		KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		factory.init(keyStore, password);
		return factory.getKeyManagers();
	}

	static KeyStore trustStoreOf(Path caPem) throws GeneralSecurityException {
		KeyStore store = emptyStore();
		List<X509Certificate> certificates = PemFiles.readCertificates(caPem);
		for (int i = 0; i < certificates.size(); i++) {
			store.setCertificateEntry("ca-" + i, certificates.get(i));
		}
		return store;
	}

	private static KeyStore keyStoreOf(Path certificatePem, Path privateKeyPem) throws GeneralSecurityException {
		List<X509Certificate> chain = PemFiles.readCertificates(certificatePem);
		PrivateKey key = PemFiles.readPrivateKey(privateKeyPem);
		if (!chain.get(0).getPublicKey().getAlgorithm().equals(key.getAlgorithm())) {
			throw new IllegalArgumentException(
					"Client key " + privateKeyPem + " (" + key.getAlgorithm() + ") does not match certificate "
							+ certificatePem + " (" + chain.get(0).getPublicKey().getAlgorithm() + ")");
		}
		KeyStore store = emptyStore();
		store.setKeyEntry("client", key, EPHEMERAL_PASSWORD, chain.toArray(new X509Certificate[0]));
		return store;
	}

	private static KeyStore emptyStore() throws GeneralSecurityException {
		KeyStore store = KeyStore.getInstance("PKCS12");
		try {
			store.load(null, null);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot create an in-memory key store", ex);
		}
		return store;
	}

}
