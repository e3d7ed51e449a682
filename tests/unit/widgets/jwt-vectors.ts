/**
 * Test vectors for the JWT widget, copied verbatim from primary sources:
 * - RFC 7515 Appendix A.1 (HS256), A.2 (RS256), A.3 (ES256), A.5 (unsecured): tokens and JWKs as
 *   published in the RFC, checked against potatosalad/erlang-jose test/jose_SUITE_data/jws/
 *   (a.1.config, a.2.1.jwk+json, a.2.1.compact, a.3.1.jwk+json, a.3.1.signing-input,
 *   a.3.1.signature-b64, a.5.compact), which hold the RFC's values.
 * - RFC 7519 §3.1: its example JWT is the RFC 7515 A.1 token (same header, claims and key).
 * - RFC 7519 §6.1: its unsecured JWT is the RFC 7515 A.5 token.
 * - RFC 7516 Appendix A.2.7: compact JWE, from erlang-jose test/jose_SUITE_data/jwe/a.2.config.
 */

export const RFC7515_A1_TOKEN =
  'eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
export const RFC7515_A1_SIGNING_INPUT =
  'eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ';
/** RFC 7515 A.1.1: the JWS Protected Header and Payload exactly, CRLFs included. */
export const RFC7515_A1_HEADER_TEXT = '{"typ":"JWT",\r\n "alg":"HS256"}';
export const RFC7515_A1_PAYLOAD_TEXT = '{"iss":"joe",\r\n "exp":1300819380,\r\n "http://example.com/is_root":true}';
export const RFC7515_A1_JWK = {
  kty: 'oct',
  k: 'AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow',
};

export const RFC7515_A2_TOKEN =
  'eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.cC4hiUPoj9Eetdgtv3hF80EGrhuB__dzERat0XF9g2VtQgr9PJbu3XOiZj5RZmh7AAuHIm4Bh-0Qc_lF5YKt_O8W2Fp5jujGbds9uJdbF9CUAr7t1dnZcAcQjbKBYNX4BAynRFdiuB--f_nZLgrnbyTyWzO75vRK5h6xBArLIARNPvkSjtQBMHlb1L07Qe7K0GarZRmB_eSN9383LcOLn6_dO--xi12jzDwusC-eOkHWEsqtFZESc6BfI7noOPqvhJ1phCnvWh6IeYI2w9QOYEUipUTI8np6LbgGY9Fs98rqVt5AXLIhWkWywlVmtVrBp0igcN_IoypGlUPQGe77Rw';
/** RFC 7515 A.2.1: the RSA key, private members included as the RFC prints it. */
export const RFC7515_A2_JWK = {
  "kty": "RSA",
  "n": "ofgWCuLjybRlzo0tZWJjNiuSfb4p4fAkd_wWJcyQoTbji9k0l8W26mPddxHmfHQp-Vaw-4qPCJrcS2mJPMEzP1Pt0Bm4d4QlL-yRT-SFd2lZS-pCgNMsD1W_YpRPEwOWvG6b32690r2jZ47soMZo9wGzjb_7OMg0LOL-bSf63kpaSHSXndS5z5rexMdbBYUsLA9e-KXBdQOS-UTo7WTBEMa2R2CapHg665xsmtdVMTBQY4uDZlxvb3qCo5ZwKh9kG4LT6_I5IhlJH7aGhyxXFvUK-DWNmoudF8NAco9_h9iaGNj8q2ethFkMLs91kzk2PAcDTW9gb54h4FRWyuXpoQ",
  "e": "AQAB",
  "d": "Eq5xpGnNCivDflJsRQBXHx1hdR1k6Ulwe2JZD50LpXyWPEAeP88vLNO97IjlA7_GQ5sLKMgvfTeXZx9SE-7YwVol2NXOoAJe46sui395IW_GO-pWJ1O0BkTGoVEn2bKVRUCgu-GjBVaYLU6f3l9kJfFNS3E0QbVdxzubSu3Mkqzjkn439X0M_V51gfpRLI9JYanrC4D4qAdGcopV_0ZHHzQlBjudU2QvXt4ehNYTCBr6XCLQUShb1juUO1ZdiYoFaFQT5Tw8bGUl_x_jTj3ccPDVZFD9pIuhLhBOneufuBiB4cS98l2SR_RQyGWSeWjnczT0QU91p1DhOVRuOopznQ",
  "p": "4BzEEOtIpmVdVEZNCqS7baC4crd0pqnRH_5IB3jw3bcxGn6QLvnEtfdUdiYrqBdss1l58BQ3KhooKeQTa9AB0Hw_Py5PJdTJNPY8cQn7ouZ2KKDcmnPGBY5t7yLc1QlQ5xHdwW1VhvKn-nXqhJTBgIPgtldC-KDV5z-y2XDwGUc",
  "q": "uQPEfgmVtjL0Uyyx88GZFF1fOunH3-7cepKmtH4pxhtCoHqpWmT8YAmZxaewHgHAjLYsp1ZSe7zFYHj7C6ul7TjeLQeZD_YwD66t62wDmpe_HlB-TnBA-njbglfIsRLtXlnDzQkv5dTltRJ11BKBBypeeF6689rjcJIDEz9RWdc",
  "dp": "BwKfV3Akq5_MFZDFZCnW-wzl-CCo83WoZvnLQwCTeDv8uzluRSnm71I3QCLdhrqE2e9YkxvuxdBfpT_PI7Yz-FOKnu1R6HsJeDCjn12Sk3vmAktV2zb34MCdy7cpdTh_YVr7tss2u6vneTwrA86rZtu5Mbr1C1XsmvkxHQAdYo0",
  "dq": "h_96-mK1R_7glhsum81dZxjTnYynPbZpHziZjeeHcXYsXaaMwkOlODsWa7I9xXDoRwbKgB719rrmI2oKr6N3Do9U0ajaHF-NKJnwgjMd2w9cjz3_-kyNlxAr2v4IKhGNpmM5iIgOS1VZnOZ68m6_pbLBSp3nssTdlqvd0tIiTHU",
  "qi": "IYd7DHOhrWvxkwPQsRM2tOgrjbcrfvtQJipd-DlcxyVuuM9sQLdgjVk2oy26F0EmpScGLq2MowX7fhd_QJQ3ydy5cY7YIBi87w93IKLEdfnbJtoOPLUW0ITrJReOgo1cq9SbsxYawBgfp_gh6A5603k2-ZQwVK0JKSHuLFkuQ3U"
};

/** RFC 7515 A.3: ECDSA signatures are randomised, so the RFC's one token is the vector to verify. */
export const RFC7515_A3_TOKEN =
  'eyJhbGciOiJFUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSApmWQxfKTUJqPP3-Kg6NU1Q';
export const RFC7515_A3_JWK = {
  kty: 'EC',
  crv: 'P-256',
  x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU',
  y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0',
  d: 'jpsQnnGQmL-YBIffH1136cspYG6-0iY7X1fCE9-E9LI',
};

/** RFC 7515 A.5 = RFC 7519 §6.1: an unsecured JWS ("alg": "none", empty signature). */
export const RFC7515_A5_TOKEN =
  'eyJhbGciOiJub25lIn0.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.';

/** RFC 7516 A.2.7: a JWE in compact serialization (five parts). */
export const RFC7516_A2_JWE =
  'eyJhbGciOiJSU0ExXzUiLCJlbmMiOiJBMTI4Q0JDLUhTMjU2In0.UGhIOguC7IuEvf_NPVaXsGMoLOmwvc1GyqlIKOK1nN94nHPoltGRhWhw7Zx0-kFm1NJn8LE9XShH59_i8J0PH5ZZyNfGy2xGdULU7sHNF6Gp2vPLgNZ__deLKxGHZ7PcHALUzoOegEI-8E66jX2E4zyJKx-YxzZIItRzC5hlRirb6Y5Cl_p-ko3YvkkysZIFNPccxRU7qve1WYPxqbb2Yw8kZqa2rMWI5ng8OtvzlV7elprCbuPhcCdZ6XDP0_F8rkXds2vE4X-ncOIM8hAYHHi29NX0mcKiRaD0-D-ljQTP-cFPgwCp6X-nZZd9OHBv-B3oWh2TbqmScqXMR4gp_A.AxY8DCtDaGlsbGljb3RoZQ.KDlTtXchhZTGufMYmOYGS4HffxPSUrfmqCHXaI9wOGY.9hH0vgRfYgPnAHOd8stkvw';

/**
 * HS256/HS384/HS512 tokens signed with the text secret "1234", from mazen160/jwt-pwn
 * jwt-example-tokens.md (Examples 2-4). The tests recompute each HMAC with node:crypto too.
 */
export const JWT_PWN_SECRET = '1234';
export const JWT_PWN_HS256 = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJqd3QiOiJwd24ifQ.4pOAm1W4SHUoOgSrc8D-J1YqLEv9ypAApz27nfYP5L4';
export const JWT_PWN_HS384 =
  'eyJhbGciOiJIUzM4NCIsInR5cCI6IkpXVCJ9.eyJqd3QiOiJwd24ifQ.PN-zgRhsqD1C9ph47OPR_d6kp9zj1rbZLgpGS6sOgpzsExpMAbfi3ZkSLLMiHbjh';
export const JWT_PWN_HS512 =
  'eyJhbGciOiJIUzUxMiIsInR5cCI6IkpXVCJ9.eyJqd3QiOiJwd24ifQ.LePEq8NgLWdfEqAV1SXbJptfGJK3ED1V-NbCLGcvaCkazu7a4KRChu1U2SQdnrgok6tdOdo7f_wLTfWKuqZ4fA';

/**
 * A self-signed X.509 certificate for the RFC 7515 A.2 RSA key, made for these tests with
 * `openssl req -new -x509 -key a2.key -subj "/CN=RFC 7515 A.2 example key" -days 36500 -set_serial 7515 -sha256`
 * where a2.key is the A.2 JWK exported as PKCS#8 by node:crypto. Its public key is the A.2 key.
 */
export const RFC7515_A2_CERT_PEM = `
-----BEGIN CERTIFICATE-----
MIIDFzCCAf+gAwIBAgICHVswDQYJKoZIhvcNAQELBQAwIzEhMB8GA1UEAwwYUkZD
IDc1MTUgQS4yIGV4YW1wbGUga2V5MCAXDTI2MTEyMzExMzI1OVoYDzIxMjYxMDMw
MTEzMjU5WjAjMSEwHwYDVQQDDBhSRkMgNzUxNSBBLjIgZXhhbXBsZSBrZXkwggEi
MA0GCSqGSIb3DQEBAQUAA4IBDwAwggEKAoIBAQCh+BYK4uPJtGXOjS1lYmM2K5J9
vinh8CR3/BYlzJChNuOL2TSXxbbqY913EeZ8dCn5VrD7io8ImtxLaYk8wTM/U+3Q
Gbh3hCUv7JFP5IV3aVlL6kKA0ywPVb9ilE8TA5a8bpvfbr3SvaNnjuygxmj3AbON
v/s4yDQs4v5tJ/reSlpIdJed1LnPmt7Ex1sFhSwsD174pcF1A5L5ROjtZMEQxrZH
YJqkeDrrnGya11UxMFBji4NmXG9veoKjlnAqH2QbgtPr8jkiGUkftoaHLFcW9Qr4
NY2ai50Xw0Byj3+H2JoY2PyrZ62EWQwuz3WTOTY8BwNNb2BvniHgVFbK5emhAgMB
AAGjUzBRMB0GA1UdDgQWBBQzGIiPp7+DkM3e011UielRYxna2TAfBgNVHSMEGDAW
gBQzGIiPp7+DkM3e011UielRYxna2TAPBgNVHRMBAf8EBTADAQH/MA0GCSqGSIb3
DQEBCwUAA4IBAQBe/d/TX/qbhpwx6oGXiSiEXrigb8UVV8V0KkRpAgzA2E6ZYgHj
Lh24vX/L2YI+cP3AdBXGMzCaQPsB+unoj4cHfRvE0p5cPKMede3jGseKdR1Hx6uY
2VvGFoLqzrh8daXdtF8dSFDcxhYIiv31wb/tMgBoI5E6YZj5ZVvWmoEyol2+E8tH
fG6R6bG3HBEeVm0rSp7IrFpVRzJjI07wYO8+tzbVP5nwWOG9EaM4hfJNeIF6/27A
dsNnguiApJG8NG2cDBhrPiUy/AWB63FMIb9mhrfXaEki4yYPqeR6CMD4nT/+WrYQ
K8ErSH8vaECzk8XK21mYW8d7mJnsf6ey39NV
-----END CERTIFICATE-----
`;
