-- auth.lua: wrk script for the benchmarks (bench/run): the URL given to
-- wrk, every request the same, with the API token the benchmark made
-- (BENCH_TOKEN) as a Bearer header. Also used for nginx's floor, so that
-- its requests are as long as rapport's (nginx ignores the header).
local token = os.getenv("BENCH_TOKEN") or ""
if token ~= "" then
   wrk.headers["Authorization"] = "Bearer " .. token
end
