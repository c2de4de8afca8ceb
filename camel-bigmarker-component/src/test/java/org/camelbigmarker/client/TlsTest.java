package org.camelbigmarker.client;

import org.camelbigmarker.BigMarkerComponent;
import java.nio.file.Path;

import javax.net.ssl.SSLException;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.camelbigmarker.model.Channel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * HTTPS with Camel's SSLContextParameters: WireMock serves a self-signed certificate for localhost, made for the test
 * with the JDK's keytool; the component trusts it only when sslContextParameters names a trust store holding it.
 * Host names are verified (no option turns that off).
 */
class TlsTest {

    private static final String PASSWORD = "test-keystore-pw";

    @TempDir
    static Path keys;
    private static Path keystore;
    private WireMockServer https;

    @BeforeAll
    static void makeCertificate() throws Exception {
        keystore = keys.resolve("localhost.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "localhost", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes());
        assertThat(keytool.waitFor()).as("keytool: " + output).isZero();
    }

    @BeforeEach
    void start() {
        https = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().dynamicHttpsPort()
                .keystorePath(keystore.toString()).keystorePassword(PASSWORD).keyManagerPassword(PASSWORD)
                .keystoreType("PKCS12"));
        https.start();
        https.stubFor(get(urlPathEqualTo("/api/v1/channels/ch1")).willReturn(okJson("{\"channel_id\":\"ch1\"}")));
    }

    @AfterEach
    void stop() {
        https.stop();
    }

    private Exchange showChannel(SSLContextParameters ssl) throws Exception {
        return showChannel(ssl, "&maxRetries=0");
    }

    private Exchange showChannel(SSLContextParameters ssl, String retryOptions) throws Exception {
        try (CamelContext camel = new DefaultCamelContext()) {
            BigMarkerComponent component = new BigMarkerComponent();
            component.setSslContextParameters(ssl);
            camel.addComponent("bigmarker", component);
            camel.start();
            return camel.createProducerTemplate().request("bigmarker:channels?operation=showChannel&channelId=ch1"
                                                          + "&apiKey=k" + retryOptions + "&baseUrl=https://localhost:"
                                                          + https.httpsPort() + "/api/v1", e -> {
                                                          });
        }
    }

    @Test
    void anUntrustedCertificateIsRefused() throws Exception {
        Exchange exchange = showChannel(null);
        java.util.List<Throwable> causes = new java.util.ArrayList<>();
        for (Throwable cause = exchange.getException(); cause != null; cause = cause.getCause()) {
            causes.add(cause);
        }
        assertThat(causes).anySatisfy(cause -> assertThat(cause).isInstanceOf(SSLException.class));
    }

    @Test
    void anUntrustedCertificateIsNotRetried() throws Exception {
        // retries allowed and slow: a retried handshake failure would take 1 + 2 + 4 seconds
        long start = System.nanoTime();
        Exchange exchange = showChannel(null, "&maxRetries=3&retryInitialDelay=1000");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(exchange.getException()).isNotNull();
        assertThat(millis).as("milliseconds to fail").isLessThan(900);
    }

    @Test
    void sslContextParametersDecideWhatIsTrusted() throws Exception {
        KeyStoreParameters trustStore = new KeyStoreParameters();
        trustStore.setResource("file:" + keystore);
        trustStore.setPassword(PASSWORD);
        trustStore.setType("PKCS12");
        TrustManagersParameters trust = new TrustManagersParameters();
        trust.setKeyStore(trustStore);
        SSLContextParameters ssl = new SSLContextParameters();
        ssl.setTrustManagers(trust);

        Exchange exchange = showChannel(ssl);
        assertThat(exchange.getException()).isNull();
        assertThat(exchange.getMessage().getBody(Channel.class).getChannelId()).isEqualTo("ch1");
    }
}
