# Ruby's answers for hieradrift's Ruby regexp translator (test/hiera/ruby-regexp.test.ts).
# stdin: JSON [{source, subjects}]; stdout: JSON, per pattern {error: message} or
# {results: [{match: m[0] or null, gsub: subject.gsub(re, '')}]}.
# Regexp.new(source) is what Puppet's lookup_options compile (Regexp.compile(key)) and deep_merge's
# %r{^#{knockout_prefix}} build: a UTF-8 source string compiled at run time.
require 'json'

# Error messages show the pattern's characters as a UTF-8 locale does (under LANG=C, é is \u00E9).
Encoding.default_external = Encoding::UTF_8
$VERBOSE = nil # Onigmo's warnings (character class has duplicated range, ...) go to stderr otherwise
input = JSON.parse($stdin.read)
out = input.map do |entry|
  begin
    re = Regexp.new(entry['source'])
    { 'results' => entry['subjects'].map do |s|
      m = re.match(s)
      { 'match' => m && m[0], 'gsub' => s.gsub(re, '') }
    end }
  rescue RegexpError, ArgumentError => e
    { 'error' => e.message }
  end
end
puts JSON.generate(out)
