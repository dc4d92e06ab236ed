package dev.rpcadapter.autoconfigure.security;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.rpcadapter.command.Caller;
import dev.rpcadapter.jsonrpc.ErrorCodes;
import dev.rpcadapter.jsonrpc.JsonRpcError;
import dev.rpcadapter.security.Roles;
import dev.rpcadapter.security.cert.CertificateAuthentication;
import dev.rpcadapter.security.crl.RevocationChecker;
import dev.rpcadapter.security.token.ApiTokenAuthentication;
import dev.rpcadapter.support.BoundedMemo;
import dev.rpcadapter.web.AdapterHttpException;
import dev.rpcadapter.web.AdapterRequest;
import dev.rpcadapter.web.RequestAuthenticator;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Authenticates every request to the adapter's endpoints with Spring Security
 * authentication managers: the client certificate of an mTLS connection and the token or
 * JWT of the {@code X-API-Key} / {@code Authorization: Bearer} headers. The caller's
 * principal comes from the token or JWT when there is one, else from the certificate,
 * named by the credential's kind ({@code cert:}, {@code token:}, {@code jwt:}); its roles
 * are those of all its credentials.
 * <p>
 * No credentials → 401 {@code -32001} (public paths: {@link Caller#ANONYMOUS}); a
 * credential that does not authenticate → 401 {@code -32001} (public paths: anonymous as
 * well).
 */
final class AdapterRequestAuthenticator implements RequestAuthenticator {

	private final Set<String> publicPaths;

	private final @Nullable ReactiveAuthenticationManager certificates;

	private final @Nullable ReactiveAuthenticationManager bearer;

	private final @Nullable RevocationChecker revocation;

	private final boolean requireAll;

	private final @Nullable RequestRateLimits rateLimits;

	private static final int CERTIFICATE_CACHE_SIZE = 1024;

	private final BoundedMemo<X509Certificate, KnownCertificate> certificateCache = new BoundedMemo<>(
			CERTIFICATE_CACHE_SIZE);

	/** What a certificate contributes to a caller, worked out once per certificate. */
	private record KnownCertificate(Authentication authentication, Set<String> roles, Map<String, Object> attributes) {

		static KnownCertificate of(Authentication authentication) {
			Map<String, Object> attributes = new LinkedHashMap<>();
			if (authentication instanceof CertificateAuthentication certificate) {
				attributes.put("certificate_serial", certificate.getCredentials().getSerialNumber().toString(16));
				if (certificate.identity().unitId() != null) {
					attributes.put("unit_id", certificate.identity().unitId());
				}
				if (!certificate.identity().permissions().isEmpty()) {
					attributes.put("permissions", certificate.identity().permissions());
				}
			}
			return new KnownCertificate(authentication, Set.copyOf(Roles.of(authentication)), Map.copyOf(attributes));
		}
	}

	AdapterRequestAuthenticator(Set<String> publicPaths, @Nullable ReactiveAuthenticationManager certificates,
			@Nullable ReactiveAuthenticationManager bearer, @Nullable RevocationChecker revocation, boolean requireAll,
			@Nullable RequestRateLimits rateLimits) {
		if (certificates == null && bearer == null) {
			throw new IllegalArgumentException("At least one authentication method is needed");
		}
		this.publicPaths = Set.copyOf(publicPaths);
		this.certificates = certificates;
		this.bearer = bearer;
		this.revocation = revocation;
		this.requireAll = requireAll;
		this.rateLimits = rateLimits;
	}

	@Override
	public Mono<Caller> authenticate(AdapterRequest request) {
		RequestRateLimits limits = this.rateLimits;
		AdapterHttpException refusal = (limits != null) ? limits.refusal(request) : null;
		if (refusal != null) {
			return Mono.error(refusal);
		}
		boolean publicPath = this.publicPaths.contains(request.path());
		Mono<Caller> caller = identify(request);
		if (publicPath) {
			caller = caller.onErrorResume(AdapterHttpException.class, (ex) -> Mono.just(Caller.ANONYMOUS))
				.defaultIfEmpty(Caller.ANONYMOUS);
		}
		else {
			caller = caller.switchIfEmpty(Mono.error(() -> unauthorized("Authentication required")));
		}
		if (limits == null) {
			return caller;
		}
		return caller
			.onErrorResume(AdapterHttpException.class,
					(ex) -> limits.checkFailedAuthentication(request).then(Mono.error(ex)))
			.flatMap((who) -> limits.check(request, who).thenReturn(who));
	}

	/**
	 * Each {@code /ws} message gets the check of what can change since the upgrade that a
	 * keep-alive HTTP request gets (the certificate's validity and the CRL), the JWT's
	 * expiry, and takes a permit of the caller's rate limit, as each HTTP request does.
	 */
	@Override
	public Mono<Void> admitMessage(AdapterRequest request, Caller caller) {
		@Nullable X509Certificate certificate = (this.certificates != null) ? leaf(request) : null;
		if (certificate != null) {
			try {
				checkCurrent(certificate);
			}
			catch (AuthenticationException ex) {
				return Mono.error(unauthorized("Authentication failed: the client certificate is no longer valid"));
			}
		}
		Instant expiry = credentialsExpireAt(request);
		if (expiry != null && !Instant.now().isBefore(expiry)) {
			return Mono.error(unauthorized("Authentication failed: the credentials have expired"));
		}
		return (this.rateLimits != null) ? this.rateLimits.check(request, caller) : Mono.empty();
	}

	@Override
	public @Nullable Instant credentialsExpireAt(AdapterRequest request) {
		CredentialsExpiry expiry = request.connectionAttribute(CredentialsExpiry.class);
		return (expiry != null) ? expiry.at() : null;
	}

	/** Empty when no credential of an enabled kind was presented. */
	private Mono<Caller> identify(AdapterRequest request) {
		@Nullable X509Certificate certificate = (this.certificates != null) ? leaf(request) : null;
		@Nullable PresentedToken token = (this.bearer != null) ? PresentedToken.of(request) : null;
		if (certificate == null && token == null) {
			return Mono.empty();
		}
		if (this.requireAll
				&& ((this.certificates != null && certificate == null) || (this.bearer != null && token == null))) {
			return Mono.error(unauthorized("Authentication required: "
					+ ((certificate == null) ? "a client certificate" : "an API token or JWT") + " is missing"));
		}
		ConnectionCaller known = request.connectionAttribute(ConnectionCaller.class);
		if (known != null && known.authenticator() == this && known.presented(certificate, token)) {
			// the same credentials as an earlier request on this connection: only what
			// can change since
			// (the certificate's validity, the CRL) is checked again
			if (certificate != null) {
				try {
					checkCurrent(certificate);
				}
				catch (AuthenticationException ex) {
					return Mono.error(unauthorized("Authentication failed"));
				}
			}
			request.connectionAttribute(CredentialsExpiry.class, CredentialsExpiry.of(certificate));
			return Mono.just(known.caller());
		}
		List<Mono<Authentication>> attempts = new ArrayList<>(2);
		if (certificate != null && this.certificates != null) {
			attempts
				.add(certificateAuthentication(certificate).doOnNext((authentication) -> checkCurrent(certificate)));
		}
		if (token != null && this.bearer != null) {
			attempts.add(this.bearer.authenticate(token.authentication()));
		}
		Mono<List<Authentication>> authentications = (attempts.size() == 1)
				// one credential (the common case): no list to collect
				? attempts.get(0).map(List::of)
				: Flux.concat(attempts).collectList().filter((all) -> all.size() == attempts.size());
		return authentications.switchIfEmpty(Mono.error(() -> new BadCredentialsException("credential not accepted")))
			.map((all) -> {
				Caller caller = caller(all);
				request.connectionAttribute(CredentialsExpiry.class, CredentialsExpiry.of(all));
				if (ConnectionCaller.cacheable(all)) {
					request.connectionAttribute(ConnectionCaller.class,
							new ConnectionCaller(this, certificate, token, caller));
				}
				return caller;
			})
			.onErrorMap(AuthenticationException.class, (ex) -> unauthorized("Authentication failed"));
	}

	/**
	 * Who authenticated on a keep-alive connection, with which credentials: a following
	 * request that presents the same certificate and the same token is that caller
	 * without asking the authentication managers again. Only certificates and API tokens
	 * are remembered; their outcome depends on nothing but the credential (API tokens are
	 * fixed at startup). JWTs expire and are verified on every request. Only the
	 * authenticator that remembered a caller reuses it (another one may know other
	 * tokens).
	 */
	private record ConnectionCaller(AdapterRequestAuthenticator authenticator, @Nullable X509Certificate certificate,
			@Nullable PresentedToken token, Caller caller) {

		static boolean cacheable(List<Authentication> authentications) {
			for (Authentication authentication : authentications) {
				if (!(authentication instanceof CertificateAuthentication)
						&& !(authentication instanceof ApiTokenAuthentication)) {
					return false;
				}
			}
			return true;
		}

		boolean presented(@Nullable X509Certificate presentedCertificate, @Nullable PresentedToken presentedToken) {
			if (this.certificate != presentedCertificate) {
				return false;
			}
			if (this.token == null || presentedToken == null) {
				return this.token == presentedToken;
			}
			return this.token.sameAs(presentedToken);
		}
	}

	/**
	 * The certificate's authentication, read once per certificate (a TLS session hands
	 * the same certificate object to every request on its connection): parsing the
	 * subject and the role extensions is the expensive part; validity and revocation are
	 * still checked on every request.
	 */
	private Mono<Authentication> certificateAuthentication(X509Certificate certificate) {
		KnownCertificate known = this.certificateCache.get(certificate);
		if (known != null) {
			return Mono.just(known.authentication());
		}
		ReactiveAuthenticationManager certificates = Objects.requireNonNull(this.certificates,
				"certificate authentication is configured when a client certificate is checked");
		return certificates
			.authenticate(new PreAuthenticatedAuthenticationToken(certificate.getSubjectX500Principal(), certificate))
			.doOnNext((authentication) -> this.certificateCache.put(certificate, KnownCertificate.of(authentication)));
	}

	/**
	 * The second line behind the TLS handshake: revocation (the CRL may have changed) and
	 * validity.
	 */
	private void checkCurrent(X509Certificate certificate) {
		try {
			certificate.checkValidity();
			if (this.revocation != null) {
				this.revocation.check(certificate);
			}
		}
		catch (CertificateException ex) {
			throw new BadCredentialsException("Client certificate rejected", ex);
		}
	}

	private Caller caller(List<Authentication> authentications) {
		Set<String> roles = new LinkedHashSet<>();
		List<String> methods = new ArrayList<>(authentications.size());
		Map<String, Object> attributes = new LinkedHashMap<>();
		for (Authentication authentication : authentications) {
			methods.add(method(authentication));
			if (authentication instanceof CertificateAuthentication certificate) {
				KnownCertificate known = this.certificateCache.get(certificate.getCredentials());
				if (known == null || known.authentication() != authentication) {
					known = KnownCertificate.of(authentication);
				}
				roles.addAll(known.roles());
				attributes.putAll(known.attributes());
			}
			else {
				roles.addAll(Roles.of(authentication));
			}
		}
		attributes.put("authenticated_by", List.copyOf(methods));
		// the token or JWT (tried after the certificate) is the most specific credential:
		// behind a gateway
		// that presents one certificate for everybody, each user's token still owns that
		// user's jobs
		return new Caller(principal(authentications.get(authentications.size() - 1)), roles, attributes);
	}

	/**
	 * The principal, named by its kind of credential, so that a certificate, a token and
	 * a JWT that carry the same name are never one caller: {@code cert:<CN>},
	 * {@code token:<name>}, {@code jwt:<iss>|<principal claim>}
	 * ({@code jwt:<principal claim>} without {@code iss}).
	 */
	static String principal(Authentication authentication) {
		if (authentication instanceof JwtAuthenticationToken jwt) {
			String issuer = jwt.getToken().getClaimAsString(JwtClaimNames.ISS);
			return "jwt:" + ((issuer != null) ? issuer + "|" : "") + jwt.getName();
		}
		String kind = method(authentication);
		return (kind.equals("certificate") ? "cert" : kind) + ":" + authentication.getName();
	}

	private static String method(Authentication authentication) {
		if (authentication instanceof CertificateAuthentication) {
			return "certificate";
		}
		if (authentication instanceof JwtAuthenticationToken) {
			return "jwt";
		}
		return (authentication instanceof ApiTokenAuthentication) ? "token" : authentication.getClass().getSimpleName();
	}

	private static @Nullable X509Certificate leaf(AdapterRequest request) {
		List<X509Certificate> chain = request.peerCertificates();
		return chain.isEmpty() ? null : chain.get(0);
	}

	static AdapterHttpException unauthorized(String message) {
		return new AdapterHttpException(401, JsonRpcError.of(ErrorCodes.AUTHENTICATION_REQUIRED, message),
				Map.of("WWW-Authenticate", "Bearer"));
	}

}
