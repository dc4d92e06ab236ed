package dev.rpcadapter.autoconfigure.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.time.Clock;
import java.util.List;

import dev.rpcadapter.security.crl.CrlException;
import dev.rpcadapter.security.crl.CrlSet;
import dev.rpcadapter.security.crl.Crls;
import dev.rpcadapter.security.crl.RevocationChecker;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.Resource;

/**
 * The CRL configured with {@code adapter.security.mtls.crl}: a {@code file:} resource is
 * reloaded when it changes, any other resource is read once.
 */
final class CrlResource {

	private final String location;

	private final Resource resource;

	private final @Nullable Path file;

	private final java.time.Duration refreshInterval;

	CrlResource(String location, Resource resource, java.time.Duration refreshInterval) {
		this.refreshInterval = refreshInterval;
		this.location = location;
		this.resource = resource;
		this.file = file(resource);
	}

	/**
	 * @return the configured location
	 */
	String location() {
		return this.location;
	}

	/**
	 * Reads the CRLs now.
	 * @throws CrlException when the resource is missing, unreadable or not a CRL
	 */
	List<X509CRL> read() {
		if (this.file != null) {
			return Crls.load(this.file);
		}
		if (!this.resource.exists()) {
			throw new CrlException(CrlException.Reason.UNREADABLE, this.location,
					"CRL " + this.location + " does not exist");
		}
		try (InputStream in = this.resource.getInputStream()) {
			return Crls.parse(in.readAllBytes(), this.location);
		}
		catch (IOException ex) {
			throw new CrlException(CrlException.Reason.UNREADABLE, this.location,
					"CRL " + this.location + " cannot be read (" + ex + ")", ex);
		}
	}

	/**
	 * Reads and verifies the CRLs against the CAs that may sign them.
	 * @throws CrlException when they cannot be read or verified
	 */
	CrlSet verified(List<java.security.cert.X509Certificate> issuers, Clock clock) {
		List<CrlSet.SourcedCrl> crls = read().stream().map((crl) -> new CrlSet.SourcedCrl(crl, this.location)).toList();
		return CrlSet.of(crls, issuers, clock);
	}

	/**
	 * Returns the checker used on handshakes and requests: a file is reloaded when it
	 * changes.
	 * @throws CrlException when the CRL cannot be loaded now
	 */
	RevocationChecker checker(List<java.security.cert.X509Certificate> issuers, Clock clock) {
		if (this.file != null) {
			return RevocationChecker.reloadingCrlFile(this.file, issuers, clock, this.refreshInterval);
		}
		return verified(issuers, clock);
	}

	private static @Nullable Path file(Resource resource) {
		try {
			return resource.isFile() ? resource.getFile().toPath() : null;
		}
		catch (IOException ex) {
			return null;
		}
	}

}
