package dev.rpcadapter.security.crl;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Collection;
import java.util.List;

/**
 * Checks revocation against a CRL file, reloading it when the file changes (looked at no
 * more than once per look interval), so a refreshed CRL takes effect without a restart. A
 * changed file that cannot be loaded rejects every certificate until it is fixed (fail
 * closed).
 */
final class ReloadingCrlChecker implements RevocationChecker {

	private final Path file;

	private final List<X509Certificate> issuers;

	private final Clock clock;

	private volatile Loaded loaded;

	/** When the file was last looked at ({@link System#nanoTime()}). */
	private volatile long lastLook = System.nanoTime();

	private final long lookIntervalNanos;

	ReloadingCrlChecker(Path file, Collection<X509Certificate> issuers, Clock clock, java.time.Duration lookInterval) {
		this.lookIntervalNanos = lookInterval.toNanos();
		this.file = file;
		this.issuers = List.copyOf(issuers);
		this.clock = clock;
		this.loaded = load(stamp());
	}

	@Override
	public void check(X509Certificate certificate) throws CertificateException {
		current().check(certificate);
	}

	private CrlSet current() throws CertificateException {
		Loaded snapshot = this.loaded;
		long now = System.nanoTime();
		if (now - this.lastLook < this.lookIntervalNanos) {
			return snapshot.crls();
		}
		this.lastLook = now;
		try {
			String stamp = stamp();
			if (!stamp.equals(snapshot.stamp())) {
				snapshot = load(stamp);
				this.loaded = snapshot;
			}
			return snapshot.crls();
		}
		catch (CrlException ex) {
			throw new CertificateException("Revocation status unknown: " + ex.getMessage(), ex);
		}
	}

	private Loaded load(String stamp) {
		return new Loaded(stamp, CrlSet.load(this.file, this.issuers, this.clock));
	}

	private String stamp() {
		try {
			BasicFileAttributes attributes = Files.readAttributes(this.file, BasicFileAttributes.class);
			FileTime modified = attributes.lastModifiedTime();
			return modified.toMillis() + ":" + attributes.size() + ":" + attributes.fileKey();
		}
		catch (IOException ex) {
			String source = this.file.toAbsolutePath().toString();
			throw new CrlException(CrlException.Reason.UNREADABLE, source,
					"CRL file " + source + " cannot be read (" + ex + "); restore the file", ex);
		}
	}

	private record Loaded(String stamp, CrlSet crls) {
	}

}
