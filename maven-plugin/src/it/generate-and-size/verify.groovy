// Runs after the four builds of invoker.properties, which all write to build.log, one after the other.
def generated = new File(basedir, 'target/generated-sources/hark')
['hark_network.c', 'hark_network.h', 'hark_model_data.c', 'hark_model_data.h', 'hark_model_settings.h',
 'hark_frontend_tables.c', 'hark_frontend_tables.h',
 'cmsis-nn-portable/Include/arm_nnfunctions.h', 'hark-kernels/Include/hark_nnfunctions.h',
 'hark-kernels/Source/hark_gru_s8.c', 'hark-frontend/Include/hark_frontend.h', 'hark-kws/Include/hark_detector.h',
 '.hark-inputs.sha256'].each { name ->
    assert new File(generated, name).isFile() : "missing generated file ${name}"
}

def builds = new File(basedir, 'build.log').text.split(/\[INFO\] Scanning for projects\.\.\./).drop(1)
assert builds.size() == 4 : "expected four builds in build.log, found ${builds.size()}"
def (first, second, overBudget, overRamBudget) = builds

assert first.contains('[INFO] Generated C sources from ') : 'the first build did not generate'
assert second.contains('[INFO] C sources in ') && second.contains(' generation skipped') :
        'the second build did not skip generating'
assert !second.contains('[INFO] Generated C sources from ') : 'the second build generated again'

def size = ~/\[INFO\] mps2-an386 firmware with the portable CMSIS-NN subset, double rounding: flash (\d+) bytes \(text \d+ \+ data \d+\), RAM (\d+) bytes/
def measured = (first =~ size)
assert measured.find() : 'the first build reported no firmware size'
def flash = measured.group(1) as long
def ram = measured.group(2) as long
def again = (second =~ size)
assert again.find() && (again.group(1) as long) == flash : 'the second build measured another size'

assert first.contains('[INFO] BUILD SUCCESS') && second.contains('[INFO] BUILD SUCCESS')
assert overBudget.contains('[INFO] BUILD FAILURE') &&
        overBudget.contains("The firmware is over budget: mps2-an386 flash ${flash} bytes > flashBudget 1000.") :
        'the over-budget build did not fail with the numbers'
assert overRamBudget.contains('[INFO] BUILD FAILURE') &&
        overRamBudget.contains("The firmware is over budget: mps2-an386 RAM ${ram} bytes > ramBudget 4096.") :
        'the build over its RAM budget did not fail with the numbers'
return true
