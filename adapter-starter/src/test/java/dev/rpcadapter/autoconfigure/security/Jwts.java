package dev.rpcadapter.autoconfigure.security;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** HS256 tokens for the tests. */
final class Jwts {

	static final String SECRET = "a-test-secret-that-is-at-least-32-bytes-long";

	static final String ISSUER = "https://issuer.test";

	private Jwts() {
	}

	static String token(String subject, String roles) {
		return sign(SECRET, claims(subject, roles).build());
	}

	static JWTClaimsSet.Builder claims(String subject, String roles) {
		return new JWTClaimsSet.Builder().subject(subject)
			.issuer(ISSUER)
			.claim("roles", roles)
			.expirationTime(Date.from(Instant.now().plusSeconds(300)));
	}

	static String sign(String secret, JWTClaimsSet claims) {
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(),
					claims);
			jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
			return jwt.serialize();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
