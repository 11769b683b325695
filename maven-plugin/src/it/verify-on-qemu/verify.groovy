// Runs after the build of invoker.properties, whose output is in build.log.
def log = new File(basedir, 'build.log').text

assert log.contains('[INFO] Generated C sources from ') : 'the build did not generate'
['host': 'hark_harness', 'mps2-an386': 'hark_harness.elf'].each { target, executable ->
    assert new File(basedir, "target/hark-firmware/build/${target}/${executable}").isFile() :
            "no ${target} firmware"
    assert log.contains("[INFO] ${target} firmware with the portable CMSIS-NN subset, double rounding: ") :
            "the build goal did not report the ${target} firmware"
    def verified = (log =~ /\[INFO\] ${target} firmware with the portable CMSIS-NN subset, double rounding: 0 of (\d+) bytes differ over 3 clips x 7 layers/)
    assert verified.find() && (verified.group(1) as long) > 0 : "the ${target} firmware was not verified bit-exact"
}
assert log.contains('[INFO] Verifying 3 clips from ')
assert log.contains('[INFO] BUILD SUCCESS')
return true
