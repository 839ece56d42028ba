package dev.parley.ui.connect;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import dev.parley.protocol.Invite;
import java.awt.image.BufferedImage;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/// The invite's QR code, decoded back by another library (ZXing) as a phone's camera would.
class QrCodeTest {

    private static String decode(boolean[][] modules, int scale) throws Exception {
        int size = modules.length * scale;
        var image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                image.setRGB(x, y, modules[y / scale][x / scale] ? 0x000000 : 0xffffff);
            }
        }
        var bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        return new QRCodeReader().decode(bitmap).getText();
    }

    @ParameterizedTest
    @ValueSource(strings = {"192.168.1.20", "fd00:1234:5678:9abc:def0:1234:5678:9abc", "host.lan"})
    void theQrCodeOfAnInviteDecodesToItsBrowserAddress(String host) throws Exception {
        var invite = new Invite(host, 3001, "team talk", null);

        var modules = QrCode.matrix(invite.browserUrl());

        assertThat(decode(modules, 4)).isEqualTo(invite.browserUrl());
        assertThat(modules).hasDimensions(modules.length, modules.length);
        for (int i = 0; i < QrCode.QUIET_ZONE; i++) {
            assertThat(modules[i]).as("quiet zone row %d", i).containsOnly(false);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB"})
    void anAppLinkWithItsFingerprintFitsAndDecodesToo(String fingerprint) throws Exception {
        var link = new Invite("192.168.100.200", 3001, "lobby", fingerprint).appLink();
        assertThat(decode(QrCode.matrix(link), 3)).isEqualTo(link);
    }
}
