package dev.rpcadapter.autoconfigure.security;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The JWT settings in effect: Spring Boot's own resource-server keys
 * ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}, {@code jwk-set-uri},
 * {@code audiences}, {@code principal-claim-name}, {@code authorities-claim-name}) with
 * the older {@code adapter.security.jwt.*} keys taking precedence where they are set
 * (deprecated aliases; {@code secret}, {@code allow-any-audience} and {@code clock-skew}
 * have no Boot equivalent and stay).
 */
final class JwtSources {

	static final String BOOT = "spring.security.oauth2.resourceserver.jwt";

	private static final String ADAPTER = "adapter.security.jwt";

	private JwtSources() {
	}

	static AdapterSecurityProperties.Jwt resolve(AdapterSecurityProperties.Jwt adapter, Environment environment) {
		Binder binder = Binder.get(environment);
		AdapterSecurityProperties.Jwt jwt = new AdapterSecurityProperties.Jwt();
		jwt.setSecret(adapter.getSecret());
		jwt.setAllowAnyAudience(adapter.isAllowAnyAudience());
		jwt.setClockSkew(adapter.getClockSkew());
		jwt.setIssuerUri(first(adapter.getIssuerUri(), environment.getProperty(BOOT + ".issuer-uri")));
		jwt.setJwkSetUri(first(adapter.getJwkSetUri(), environment.getProperty(BOOT + ".jwk-set-uri")));
		List<String> audiences = binder.bind(BOOT + ".audiences", Bindable.listOf(String.class)).orElse(List.of());
		jwt.setAudience(first(adapter.getAudience(), audiences.isEmpty() ? null : String.join(",", audiences)));
		jwt.setPrincipalClaim(
				claim(environment, "principal-claim", "principal-claim-name", adapter.getPrincipalClaim()));
		jwt.setRolesClaim(claim(environment, "roles-claim", "authorities-claim-name", adapter.getRolesClaim()));
		return jwt;
	}

	/** The adapter key when set, else Boot's key when set, else the adapter's default. */
	private static String claim(Environment environment, String adapterKey, String bootKey, String adapterValue) {
		if (environment.containsProperty(ADAPTER + "." + adapterKey)) {
			return adapterValue;
		}
		return environment.getProperty(BOOT + "." + bootKey, adapterValue);
	}

	private static @Nullable String first(@Nullable String preferred, @Nullable String fallback) {
		return (preferred != null && !preferred.isBlank()) ? preferred : fallback;
	}

}
