// Runs after the build of invoker.properties, whose output is in build.log.
def log = new File(basedir, 'build.log').text

assert log.contains('[INFO] Generated C sources from ') : 'the plugin did not generate'
assert new File(basedir, 'target/generated-sources/hark/hark_network.c').isFile() : 'no generated network'

def firmware = new File(basedir, 'target/hark-test/com.example.kws.ListeningTest/mps2-an386')
assert new File(firmware, 'listen/build/mps2-an386/hark_listen.elf').isFile() : 'hark-test built no listening firmware'
assert new File(firmware, 'clips/build/mps2-an386/hark_harness.elf').isFile() : 'hark-test built no clip firmware'

def heard = (log =~ /mps2-an386 listening firmware with the portable CMSIS-NN subset, double rounding: (\d+) frames, (\d+) steps, (\d+) detections: 0 of (\d+) bytes differ/)
assert heard.find() : 'the board did not hear the recording bit-exactly'
assert (heard.group(3) as int) == 2 && (heard.group(4) as long) > 0 : "unexpected: ${heard.group(0)}"

assert log.contains('Tests run: 3, Failures: 0, Errors: 0, Skipped: 0') : 'the project\'s three tests did not all pass'
assert log.contains('[INFO] BUILD SUCCESS')
return true
