package dev.rpcadapter.web.netty;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ByteRangeTests {

	@Test
	void closedOpenAndSuffixRangesResolveAgainstTheSize() {
		assertThat(ByteRange.parse("bytes=0-9", 100)).isEqualTo(new ByteRange(0, 10));
		assertThat(ByteRange.parse("bytes=90-", 100)).isEqualTo(new ByteRange(90, 10));
		assertThat(ByteRange.parse("bytes=-10", 100)).isEqualTo(new ByteRange(90, 10));
		assertThat(ByteRange.parse("bytes=-1000", 100)).isEqualTo(new ByteRange(0, 100));
		assertThat(ByteRange.parse("bytes=95-1000", 100)).isEqualTo(new ByteRange(95, 5));
		assertThat(new ByteRange(95, 5).contentRange(100)).isEqualTo("bytes 95-99/100");
	}

	@Test
	void rangesAtOrPastTheEndAreUnsatisfiable() {
		assertThat(ByteRange.parse("bytes=100-", 100)).isSameAs(ByteRange.UNSATISFIABLE);
		assertThat(ByteRange.parse("bytes=-0", 100)).isSameAs(ByteRange.UNSATISFIABLE);
		assertThat(ByteRange.parse("bytes=0-", 0)).isSameAs(ByteRange.UNSATISFIABLE);
	}

	@Test
	void absentMalformedOrMultipleRangesMeanTheWholeContent() {
		assertThat(ByteRange.parse(null, 100)).isNull();
		assertThat(ByteRange.parse("items=0-9", 100)).isNull();
		assertThat(ByteRange.parse("bytes=9-2", 100)).isNull();
		assertThat(ByteRange.parse("bytes=a-b", 100)).isNull();
		assertThat(ByteRange.parse("bytes=0-1,5-6", 100)).isNull();
		assertThat(ByteRange.parse("bytes=5", 100)).isNull();
	}

}
