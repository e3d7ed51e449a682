"""Attacks the page's verify_access_token with tokens a safe verifier must refuse; prints which
were accepted. Run from a directory holding auth_tokens.py, with JWT_SECRET set."""
import base64
import json
import sys
import time

import jwt

import auth_tokens as t


def b64(data: dict) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


now = int(time.time())
claims = {"iss": t.ISSUER, "aud": t.AUDIENCE, "sub": "user-42", "iat": now, "exp": now + 600}
cases = {
    "valid": jwt.encode(claims, t.SECRET, algorithm="HS256"),
    "alg_none": f"{b64({'alg': 'none', 'typ': 'JWT'})}.{b64(claims)}.",
    "alg_none_signed": jwt.encode(claims, None, algorithm="none"),
    "hs512_same_secret": jwt.encode(claims, t.SECRET, algorithm="HS512"),
    "hs384_same_secret": jwt.encode(claims, t.SECRET, algorithm="HS384"),
    "wrong_secret": jwt.encode(claims, b"x" * 32, algorithm="HS256"),
    "expired": jwt.encode({**claims, "iat": now - 7200, "exp": now - 3600}, t.SECRET, algorithm="HS256"),
}
for missing in ("exp", "iat", "iss", "aud", "sub"):
    cases[f"missing_{missing}"] = jwt.encode({k: v for k, v in claims.items() if k != missing}, t.SECRET, algorithm="HS256")
cases["wrong_aud"] = jwt.encode({**claims, "aud": "billing-api"}, t.SECRET, algorithm="HS256")
cases["wrong_iss"] = jwt.encode({**claims, "iss": "https://evil.example"}, t.SECRET, algorithm="HS256")

accepted = {}
for name, token in cases.items():
    try:
        t.verify_access_token(token)
        accepted[name] = True
    except jwt.InvalidTokenError:
        accepted[name] = False
json.dump(accepted, sys.stdout)
