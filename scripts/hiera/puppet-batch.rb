# Batch oracle: does what `puppet lookup --node N --facts F KEY` does (Puppet::Application::Lookup#generate_scope),
# once per node, then answers many lookups in the same process. Reads a JSON request on stdin and writes one
# JSON answer per case, with values encoded type-exactly (Integer vs Float, hash order, non-string keys).
require 'json'
require 'puppet'

req = JSON.parse($stdin.read)
work = req.fetch('workdir')
Puppet.initialize_settings([
  '--confdir', "#{work}/conf", '--codedir', req.fetch('codedir'), '--vardir', "#{work}/var",
  '--rundir', "#{work}/run", '--logdir', "#{work}/log", '--hiera_config', req.fetch('hiera_config'),
  '--environment', req['environment'] || 'production', '--strict', 'warning'
])
Puppet.push_context(Puppet.base_context(Puppet.settings), 'batch oracle')
logs = []
Puppet::Util::Log.newdestination(Puppet::Test::LogCollector.new(logs)) rescue nil
unless defined?(Puppet::Test::LogCollector)
  require 'puppet/test/test_helper'
  Puppet::Util::Log.newdestination(Puppet::Test::LogCollector.new(logs))
end
Puppet::Util::Log.level = :warning

def enc(v)
  case v
  when nil, true, false, String then v
  when Integer then { 'i' => v.to_s }
  when Float then { 'f' => v.to_s }
  when Array then v.map { |x| enc(x) }
  when Hash then { 'h' => v.map { |k, x| [enc(k), enc(x)] } }
  when Symbol then { 'sym' => v.to_s }
  when Puppet::Pops::Types::PSensitiveType::Sensitive then { 'sensitive' => true }
  else { 'other' => v.class.name }
  end
end

def load_facts(file)
  file.end_with?('.json') ? Puppet::Util::Json.load_file(file) : Puppet::Util::Yaml.safe_load_file(file)
end

out = []
req.fetch('groups').each do |g|
  name = g.fetch('node')
  # `puppet lookup --environment E` sets the setting too: %{settings::environment} reads it.
  Puppet[:environment] = g['environment'] if g['environment']
  facts = Puppet::Node::Facts.new(name, {})
  facts.add_extra_values(load_facts(g.fetch('facts')))
  ni = Puppet::Node.indirection
  tc = ni.terminus_class
  ni.terminus_class = :plain
  node = ni.find(name, facts: facts, environment: g['environment'] || Puppet[:environment])
  ni.terminus_class = tc
  Puppet[:code] = 'undef'
  compiler = Puppet::Parser::Compiler.new(node)
  Puppet::Util.skip_external_facts do
    compiler.compile do |catalog|
      scope = compiler.topscope
      g.fetch('cases').each do |c|
        logs.clear
        inv = Puppet::Pops::Lookup::Invocation.new(scope, {}, {}, nil)
        has_default = c.key?('default')
        r = { 'id' => c['id'] }
        begin
          v = Puppet::Pops::Lookup.lookup(c.fetch('keys'), nil, c['default'], has_default, c['merge'], inv)
          r['found'] = true
          r['value'] = enc(v)
        rescue Puppet::DataBinding::LookupError => e
          if e.message.start_with?('Function lookup() did not find a value')
            r['found'] = false
          else
            r['error'] = e.message
            r['silent'] = !!(e.respond_to?(:issue_code) && e.issue_code)
          end
        rescue StandardError, SystemStackError => e
          r['error'] = e.message
          r['crash'] = e.class.name
        end
        r['warnings'] = logs.map(&:to_s).uniq
        out << r
      end
      catalog
    end
  end
end
puts JSON.generate(out)
