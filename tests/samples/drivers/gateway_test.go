package main

import (
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
)

// The gateway admits only the right key, and a burst beyond the bucket gets 429 with Retry-After.
func TestKeysAndBurst(t *testing.T) {
	upstream := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(200) }))
	defer upstream.Close()
	t.Setenv("GATEWAY_KEYS", "mobile=s3cret-1")
	g := &gateway{
		routes:  []route{{prefix: "/orders", proxy: newProxy(upstream.URL)}},
		clients: loadClients(),
		limits:  &limiter{rate: 5, burst: 10, buckets: map[string]*bucket{}},
	}
	call := func(key string) *httptest.ResponseRecorder {
		req := httptest.NewRequest("GET", "/orders/1", nil)
		if key != "" {
			req.Header.Set("X-API-Key", key)
		}
		rec := httptest.NewRecorder()
		g.ServeHTTP(rec, req)
		return rec
	}
	for _, bad := range []string{"", "s3cret-2", "s3cret-1 ", "s3cret", "S3CRET-1"} {
		if code := call(bad).Code; code != http.StatusUnauthorized {
			t.Errorf("key %q: got %d, want 401", bad, code)
		}
	}
	var mu sync.Mutex
	codes := map[int]int{}
	retryAfter := ""
	var wg sync.WaitGroup
	for i := 0; i < 30; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rec := call("s3cret-1")
			mu.Lock()
			defer mu.Unlock()
			codes[rec.Code]++
			if rec.Code == http.StatusTooManyRequests {
				retryAfter = rec.Header().Get("Retry-After")
			}
		}()
	}
	wg.Wait()
	if codes[200] < 10 || codes[200] > 12 || codes[429] == 0 || retryAfter == "" {
		t.Errorf("burst of 30: %v, Retry-After %q; want about 10 passing and the rest 429 with Retry-After", codes, retryAfter)
	}
}
