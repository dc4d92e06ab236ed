package dev.rpcadapter.security.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;

import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1String;
import org.jspecify.annotations.Nullable;

/**
 * Reads a text-valued X.509 extension whose {@code extnValue} holds either the raw UTF-8
 * bytes of the text (Python tooling) or a DER {@code UTF8String}, {@code PrintableString}
 * or {@code IA5String} (openssl {@code ASN1:UTF8String:...}).
 */
public final class ExtensionText {

	private static final int TAG_UTF8_STRING = 0x0C;

	private static final int TAG_PRINTABLE_STRING = 0x13;

	private static final int TAG_IA5_STRING = 0x16;

	private ExtensionText() {
	}

	/**
	 * Returns the text of an extension, or {@code null} when the certificate lacks it.
	 * @param certificate the certificate
	 * @param oid the extension's object identifier
	 * @return the text
	 * @throws IllegalArgumentException when the value is neither UTF-8 text nor a DER
	 * string
	 */
	public static @Nullable String read(X509Certificate certificate, String oid) {
		byte[] extensionValue = certificate.getExtensionValue(oid);
		if (extensionValue == null) {
			return null;
		}
		byte[] octets = ASN1OctetString.getInstance(extensionValue).getOctets();
		String der = derString(octets);
		if (der != null) {
			return der;
		}
		return strictUtf8(octets, certificate, oid);
	}

	private static @Nullable String derString(byte[] octets) {
		if (octets.length < 2 || !isStringTag(octets[0])) {
			return null;
		}
		try {
			ASN1Primitive primitive = ASN1Primitive.fromByteArray(octets);
			return (primitive instanceof ASN1String text) ? text.getString() : null;
		}
		catch (IOException | IllegalArgumentException ex) {
			return null;
		}
	}

	private static boolean isStringTag(byte tag) {
		return tag == TAG_UTF8_STRING || tag == TAG_PRINTABLE_STRING || tag == TAG_IA5_STRING;
	}

	private static String strictUtf8(byte[] octets, X509Certificate certificate, String oid) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(octets))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new IllegalArgumentException("Extension " + oid + " of certificate '"
					+ certificate.getSubjectX500Principal() + "' is neither UTF-8 text nor a DER string", ex);
		}
	}

}
