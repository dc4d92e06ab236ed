package dev.rpcadapter.autoconfigure.security;

import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import dev.rpcadapter.autoconfigure.diagnostics.AdapterSecurityConfigurationException;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.ssl.NoSuchSslBundleException;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.SslBundles;

/**
 * The server's TLS material as read from its Spring Boot SSL bundle
 * ({@code server.ssl.bundle}).
 *
 * @param bundleName the bundle's name
 * @param certificate the server's own certificate
 * @param trustedCas the CA certificates client certificates are validated against (may be
 * empty)
 */
record ServerTls(String bundleName, X509Certificate certificate, List<X509Certificate> trustedCas) {

	ServerTls {
		trustedCas = List.copyOf(trustedCas);
	}

	/**
	 * @return a description for messages, e.g. {@code SSL bundle 'server'}
	 */
	String source() {
		return "SSL bundle '" + this.bundleName + "' (server.ssl.bundle)";
	}

	/**
	 * Reads the server certificate and trusted CAs of a bundle.
	 * @throws AdapterSecurityConfigurationException when the bundle is missing or has no
	 * certificate
	 */
	static ServerTls of(SslBundles bundles, String bundleName) {
		SslBundle bundle;
		try {
			bundle = bundles.getBundle(bundleName);
		}
		catch (NoSuchSslBundleException ex) {
			throw new AdapterSecurityConfigurationException(
					"server.ssl.bundle names SSL bundle '" + bundleName + "', which is not defined",
					"Define it under spring.ssl.bundle.pem." + bundleName + " (or spring.ssl.bundle.jks." + bundleName
							+ "), or fix server.ssl.bundle",
					ex);
		}
		X509Certificate certificate = serverCertificate(bundle);
		if (certificate == null) {
			throw new AdapterSecurityConfigurationException(
					"SSL bundle '" + bundleName + "' (server.ssl.bundle) has no server certificate",
					"Configure a key store with the server certificate and private key in spring.ssl.bundle." + "pem."
							+ bundleName + ".keystore");
		}
		return new ServerTls(bundleName, certificate, trustedCas(bundle));
	}

	private static @Nullable X509Certificate serverCertificate(SslBundle bundle) {
		KeyStore keyStore = bundle.getStores().getKeyStore();
		if (keyStore == null) {
			return null;
		}
		try {
			String alias = bundle.getKey().getAlias();
			List<String> aliases = (alias != null) ? List.of(alias) : Collections.list(keyStore.aliases());
			for (String candidate : aliases) {
				Certificate certificate = keyStore.isKeyEntry(candidate) ? keyStore.getCertificate(candidate) : null;
				if (certificate instanceof X509Certificate x509) {
					return x509;
				}
			}
			return null;
		}
		catch (GeneralSecurityException ex) {
			throw new AdapterSecurityConfigurationException(
					"The key store of the server's SSL bundle cannot be read: " + ex.getMessage(),
					"Check spring.ssl.bundle.*.keystore settings", ex);
		}
	}

	private static List<X509Certificate> trustedCas(SslBundle bundle) {
		if (bundle.getStores().getTrustStore() == null) {
			return List.of();
		}
		List<X509Certificate> cas = new ArrayList<>();
		for (TrustManager manager : bundle.getManagers().getTrustManagers()) {
			if (manager instanceof X509TrustManager x509) {
				cas.addAll(List.of(x509.getAcceptedIssuers()));
			}
		}
		return cas;
	}
}
