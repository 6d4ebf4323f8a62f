-- search.lua: wrk script for the benchmark (bench/run): GET a search for
-- a three-letter prefix of a given or family name, varied each request.
-- BENCH_PREFIXES names the file of prefixes, one a line (the data set's
-- .prefixes file, written by bench/gen from its own name lists).
local prefixes = {}
local threads = 0

-- Every route but /healthz needs a login: the API token the benchmark
-- made (BENCH_TOKEN), sent as a Bearer header with every request.
local token = os.getenv("BENCH_TOKEN") or ""
if token ~= "" then
   wrk.headers["Authorization"] = "Bearer " .. token
end

function setup(thread)
   threads = threads + 1
   thread:set("seed", threads)
end

function init(args)
   math.randomseed(104729 * (seed or 1))
   local path = os.getenv("BENCH_PREFIXES")
   local f = path and io.open(path, "r")
   if f then
      for line in f:lines() do
         if line:match("^%l+$") then
            prefixes[#prefixes + 1] = line
         end
      end
      f:close()
   end
   if #prefixes == 0 then
      prefixes = { "mar", "sin", "che", "ali", "dav" }
   end
end

function request()
   local q = prefixes[math.random(1, #prefixes)]
   return wrk.format("GET", "/api/v1/search?q=" .. q)
end
