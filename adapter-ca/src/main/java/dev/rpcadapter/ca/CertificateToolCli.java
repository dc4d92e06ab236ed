package dev.rpcadapter.ca;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.rpcadapter.security.cert.RoleEncoding;

/**
 * Command-line front end of {@link CertificateTool}: {@code ca}, {@code server},
 * {@code client}, {@code crl} and {@code revoke}. Run without arguments, or with
 * {@code help}, for usage. Exit code 0 on success, 2 on bad input, 1 when the work itself
 * fails.
 */
public final class CertificateToolCli {

	static final String USAGE = """
			Usage: certificate-tool <command> [options]

			Commands:
			  ca       Create a self-signed CA                  -> <out>/ca.crt, <out>/ca.key
			  server   Issue a TLS server certificate           -> <out>/<name>.crt, <out>/<name>.key
			  client   Issue a TLS client certificate with roles -> <out>/<name>.crt, <out>/<name>.key
			  crl      Create a CRL revoking the given serials  -> <out>/ca.crl (PEM)
			  revoke   Add serials to an existing CRL (created if missing)
			  help     Show this text

			Options for every command:
			  --out DIR          output directory (default: certs)
			  --days N           validity in days (default: 3650 for ca, 365 for certificates, 30 for CRLs)
			  --key ec|rsa       key type: EC P-256 (default) or RSA 2048
			  --ca-cert FILE     CA certificate (default: <out>/ca.crt; not for 'ca')
			  --ca-key FILE      CA private key (default: <out>/ca.key; not for 'ca')
			ca:      --cn NAME          CA common name (default: rpc-adapter CA)
			server:  --cn NAME          common name (default: localhost)
			         --dns A,B          SAN DNS names (default: localhost)
			         --ip A,B           SAN IP addresses (default: 127.0.0.1)
			         --name BASE        output file name (default: server)
			client:  --cn NAME          common name (required)
			         --roles A,B        roles, extension 1.3.6.1.4.1.99999.1.1 (raw UTF-8, as the Python tooling)
			         --permissions A,B  permissions, extension 1.3.6.1.4.1.99999.1.2
			         --unit-id ID       unit id, extension 1.3.6.1.4.1.99999.1.3
			         --san-roles        also write roles as SAN DNS entries role=<name>
			         --role-encoding raw|der   raw UTF-8 (default) or a DER UTF8String
			         --name BASE        output file name (default: the common name)
			crl, revoke:
			         --serial HEX       serial number to revoke, hex as 'openssl x509 -serial' prints it
			                            (repeatable or comma-separated)
			         --cert FILE        certificate to revoke (repeatable)
			         --crl FILE         CRL file (default: <out>/ca.crl)

			Example:
			  certificate-tool ca --out certs
			  certificate-tool server --out certs --dns localhost --ip 127.0.0.1
			  certificate-tool client --out certs --cn alice --roles admin,user
			  certificate-tool revoke --out certs --cert certs/alice.crt
			""";

	private static final Set<String> COMMON = Set.of("out", "days", "key", "ca-cert", "ca-key");

	private CertificateToolCli() {
	}

	/**
	 * Runs the tool and exits with its exit code.
	 * @param args command and options
	 */
	public static void main(String[] args) {
		System.exit(run(args, System.out, System.err));
	}

	/**
	 * Runs the tool.
	 * @param args command and options
	 * @param out receives results
	 * @param err receives errors
	 * @return the exit code: 0 success, 2 bad input, 1 failure
	 */
	public static int run(String[] args, PrintStream out, PrintStream err) {
		try {
			CliArguments arguments = CliArguments.parse(args);
			if (arguments.flag("help")) {
				out.print(USAGE);
				return 0;
			}
			return dispatch(arguments, out);
		}
		catch (UsageException ex) {
			err.println("error: " + ex.getMessage());
			err.println("Run 'certificate-tool help' for usage.");
			return 2;
		}
		catch (IllegalArgumentException | IllegalStateException | UncheckedIOException ex) {
			err.println("error: " + ex.getMessage());
			return 1;
		}
	}

	private static int dispatch(CliArguments arguments, PrintStream out) throws UsageException {
		switch (arguments.command()) {
			case "help", "--help", "-h" -> out.print(USAGE);
			case "ca" -> ca(arguments, out);
			case "server" -> server(arguments, out);
			case "client" -> client(arguments, out);
			case "crl" -> crl(arguments, out, false);
			case "revoke" -> crl(arguments, out, true);
			default -> throw new UsageException("Unknown command '" + arguments.command() + "'");
		}
		return 0;
	}

	private static void ca(CliArguments arguments, PrintStream out) throws UsageException {
		arguments.allowOnly(Set.of("out", "days", "key", "cn"));
		CertificateRequest request = CertificateRequest.forName(arguments.value("cn", "rpc-adapter CA"))
			.withValidity(Duration.ofDays(arguments.days(3650)))
			.withKeyAlgorithm(keyAlgorithm(arguments));
		IssuedCertificate issued = CertificateTool.createCa(request);
		report(out, issued.writeTo(outDir(arguments), "ca"), serial(issued));
	}

	private static void server(CliArguments arguments, PrintStream out) throws UsageException {
		arguments.allowOnly(union(COMMON, Set.of("cn", "dns", "ip", "name")));
		List<String> dns = arguments.list("dns");
		List<String> ips = arguments.list("ip");
		CertificateRequest request = CertificateRequest.forName(arguments.value("cn", "localhost"))
			.withValidity(Duration.ofDays(arguments.days(365)))
			.withKeyAlgorithm(keyAlgorithm(arguments))
			.withDnsNames((dns.isEmpty() ? List.of("localhost") : dns).toArray(String[]::new))
			.withIpAddresses((ips.isEmpty() ? List.of("127.0.0.1") : ips).toArray(String[]::new));
		IssuedCertificate issued = CertificateTool.issueServer(loadCa(arguments), request);
		report(out, issued.writeTo(outDir(arguments), arguments.value("name", "server")), serial(issued));
	}

	private static void client(CliArguments arguments, PrintStream out) throws UsageException {
		arguments.allowOnly(
				union(COMMON, Set.of("cn", "roles", "permissions", "unit-id", "san-roles", "role-encoding", "name")));
		String commonName = arguments.required("cn");
		CertificateRequest request = CertificateRequest.forName(commonName)
			.withValidity(Duration.ofDays(arguments.days(365)))
			.withKeyAlgorithm(keyAlgorithm(arguments))
			.withRoles(arguments.list("roles").toArray(String[]::new))
			.withPermissions(arguments.list("permissions").toArray(String[]::new))
			.withUnitId(arguments.value("unit-id"))
			.withRolesInSubjectAltName(arguments.flag("san-roles"))
			.withRoleEncoding(roleEncoding(arguments));
		IssuedCertificate issued = CertificateTool.issueClient(loadCa(arguments), request);
		report(out, issued.writeTo(outDir(arguments), arguments.value("name", commonName)), serial(issued));
	}

	private static void crl(CliArguments arguments, PrintStream out, boolean keepExisting) throws UsageException {
		arguments.allowOnly(union(COMMON, Set.of("serial", "cert", "crl")));
		Path crlFile = Path.of(arguments.value("crl", outDir(arguments).resolve("ca.crl").toString()));
		Set<BigInteger> serials = new LinkedHashSet<>();
		if (keepExisting && Files.exists(crlFile)) {
			serials.addAll(revokedSerials(crlFile));
		}
		serials.addAll(serials(arguments));
		X509CRL crl = CertificateTool.createCrl(loadCa(arguments),
				CrlRequest.revoking(serials).withValidity(Duration.ofDays(arguments.days(30))));
		write(crlFile, Pem.encode(crl));
		out.println("wrote " + crlFile + " (" + serials.size() + " revoked, next update "
				+ crl.getNextUpdate().toInstant() + ")");
	}

	private static Set<BigInteger> serials(CliArguments arguments) throws UsageException {
		Set<BigInteger> serials = new LinkedHashSet<>();
		for (String text : arguments.list("serial")) {
			String hex = text.replace(":", "").toLowerCase(Locale.ROOT);
			hex = hex.startsWith("0x") ? hex.substring(2) : hex;
			try {
				serials.add(new BigInteger(hex, 16));
			}
			catch (NumberFormatException ex) {
				throw new UsageException("--serial must be hexadecimal (e.g. 3A:F1 or 3af1), not '" + text + "'");
			}
		}
		for (String file : arguments.list("cert")) {
			serials.add(Pem.readCertificates(Path.of(file)).get(0).getSerialNumber());
		}
		return serials;
	}

	private static Set<BigInteger> revokedSerials(Path crlFile) {
		try (InputStream in = Files.newInputStream(crlFile)) {
			X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(in);
			Set<? extends X509CRLEntry> entries = crl.getRevokedCertificates();
			Set<BigInteger> serials = new LinkedHashSet<>();
			if (entries != null) {
				entries.forEach((entry) -> serials.add(entry.getSerialNumber()));
			}
			return serials;
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new IllegalArgumentException("Cannot read the existing CRL " + crlFile + ": " + ex.getMessage(), ex);
		}
	}

	private static IssuedCertificate loadCa(CliArguments arguments) throws UsageException {
		Path certFile = Path.of(arguments.value("ca-cert", outDir(arguments).resolve("ca.crt").toString()));
		Path keyFile = Path.of(arguments.value("ca-key", outDir(arguments).resolve("ca.key").toString()));
		if (!Files.isRegularFile(certFile) || !Files.isRegularFile(keyFile)) {
			throw new UsageException("CA files " + certFile + " and " + keyFile
					+ " are needed; create them with 'certificate-tool ca' or pass --ca-cert and --ca-key");
		}
		List<X509Certificate> chain = Pem.readCertificates(certFile);
		return new IssuedCertificate(chain.get(0), Pem.readPrivateKey(keyFile), chain);
	}

	private static KeyAlgorithm keyAlgorithm(CliArguments arguments) throws UsageException {
		return switch (arguments.value("key", "ec").toLowerCase(Locale.ROOT)) {
			case "ec" -> KeyAlgorithm.EC_P256;
			case "rsa" -> KeyAlgorithm.RSA_2048;
			default -> throw new UsageException("--key must be 'ec' or 'rsa'");
		};
	}

	private static RoleEncoding roleEncoding(CliArguments arguments) throws UsageException {
		return switch (arguments.value("role-encoding", "raw").toLowerCase(Locale.ROOT)) {
			case "raw" -> RoleEncoding.RAW_UTF8;
			case "der" -> RoleEncoding.DER_UTF8_STRING;
			default -> throw new UsageException("--role-encoding must be 'raw' or 'der'");
		};
	}

	private static Path outDir(CliArguments arguments) throws UsageException {
		return Path.of(arguments.value("out", "certs"));
	}

	private static String serial(IssuedCertificate issued) {
		return "serial " + issued.serialNumber().toString(16).toUpperCase(Locale.ROOT);
	}

	private static void report(PrintStream out, IssuedCertificate.PemFiles files, String detail) {
		out.println("wrote " + files.certificate() + " and " + files.privateKey() + " (" + detail + ")");
	}

	private static void write(Path file, String text) {
		try {
			Path parent = file.toAbsolutePath().getParent();
			if (parent != null) {
				Files.createDirectories(parent);
			}
			Files.writeString(file, text, StandardCharsets.US_ASCII);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot write " + file, ex);
		}
	}

	private static Set<String> union(Set<String> first, Set<String> second) {
		Set<String> union = new LinkedHashSet<>(first);
		union.addAll(second);
		return union;
	}

}
