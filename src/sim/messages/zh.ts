/** 简体中文的旁白、发现与崩溃消息，按 id 索引。`{n}` 是第 n 个参数。 */
export const zh: Record<string, string> = {
  'step.start': '程序启动：运行时已初始化 GC，并加载了 {0}。',
  'step.end': '程序结束。',
  'step.gc-mark': '垃圾回收开始：在栈、寄存器和静态数据里寻找任何看起来指向 {0} 个 GC 对象之一的值。',
  'step.gc-sweep': '标记完成：{0} 个对象可达；其余未标记的对象全部被回收。',
  'crash.ret-noncanonical':
    '段错误：ret 跳到了 {0}，也就是野写留在返回地址上的那些位。这不是规范的 x86-64 地址（第 63 到 47 位不一致），CPU 触发一般保护异常，Linux 把它报告为地址 0 处的 SIGSEGV。',
  'crash.ret-not-code': '段错误：ret 跳到了 {0}，也就是野写留在返回地址上的那些位；那里没有映射任何代码。',
  'crash.segv': '段错误：在 {0} 处{1}，这个地址没有任何映射。',
  'crash.call-not-code': '段错误：经由函数指针的调用跳到了 {0}，那里没有映射任何代码，取指令时出错。',
  'crash.call-noncanonical':
    '段错误：经由函数指针的调用跳到了 {0}，这不是规范的 x86-64 地址（第 63 到 47 位不一致），CPU 触发一般保护异常，Linux 将其报告为地址 0 处的 SIGSEGV。',
  'crash.stack-overflow': '栈溢出：栈指针到达 {0}，也就是栈下方的保护页。',
  'crash.segv-null-gc-heap':
    '段错误：在 {0} 处{1}。一次 {2} 字节的 GC 分配返回了 NULL：模拟的 GC 堆已满（4 MiB，这是本模拟器的内存预算）。Codon 的运行时不检查 GC_MALLOC 的结果就直接交出，于是程序用了这个空指针。',
  'crash.segv-null-c-heap':
    '段错误：在 {0} 处{1}。malloc({2}) 返回了 NULL：模拟的 C 堆已满（4 MiB，这是本模拟器的内存预算），而程序没有检查就用了这个空指针。',
  'crash.bad-alloc':
    'terminate called after throwing an instance of ‘std::bad_alloc’：new 拿不到 {0} 字节（模拟的 C 堆只有 4 MiB，这是本模拟器的内存预算）。没有代码捕获这个异常，于是 std::terminate 中止了程序。',
  'crash.free-invalid-pointer':
    'free(): invalid pointer：{0} 不是 malloc 分配出去的块的起始地址，glibc 中止程序。',
  'crash.double-free': 'free(): double free detected：{0} 处的块已经被释放过，glibc 中止程序。',
  'crash.free-invalid-size':
    'free(): invalid size：{0} 前面的块头现在是 {1}，不是 malloc 写下的大小，glibc 中止程序。',
  'crash.free-corrupted-next':
    'double free or corruption：{0} 之后下一个块的块头变成了 {1}，有人越界写过了这个块的末尾，glibc 中止程序。',
  'finding.stray-write.result-slot':
    '野写：被调用方通过隐藏指针写入返回值，可那里并没有返回值槽位，{1} 个字节落在 {0}，压在了 {2} 上。',
  'finding.stray-write.dead':
    '野写：通过指向 {3} 的指针写入，而 {3} 的生命周期已经结束，写入落在 {0}，压在了 {2} 上。',
  'finding.stray-write.outside': '野写：本该写进 {3} 的数据落到了它外面的 {0}，压在了 {2} 上。',
  'finding.use-after-free.write': '{0} 已被释放，之后又被写入。',
  'finding.use-after-free.read': '{0} 已被释放，之后又被读取。',
  'finding.dangling-read': '通过悬空指针读取：{0} 已经不存在了，读到的是它残留的旧字节。',
  'finding.gc-unrooted': '读取了已被垃圾回收器回收的 {0}：指向它的唯一指针存放在回收器不扫描的内存里。',
  'finding.uninitialized-read': '在写入任何值之前就读取了 {0}：读到的是那块内存原来留下的内容。',
  'finding.double-free': '{0} 被第二次释放。',
  'finding.leak': '{0} 从未被释放：程序结束时它仍然处于已分配状态。',
  'step.assign': '{0} = {1}',
  'step.exit': '库调用了 exit({0})：程序结束。',
  'step.limit': '运行在 {0} 步后停止（步数上限）：可能是死循环，或运行比上限更长。',
  'codon.assign': '{0} = {1}',
  'codon.expr': '{0}',
  'codon.pass': 'pass：什么也不做。',
  'codon.break': 'break：跳出循环。',
  'codon.continue': 'continue：进入下一次迭代。',
  'codon.return': '{0} 返回 {1}。',
  'codon.return-to': '{0} 返回到 {1}；它的栈帧结束。',
  'codon.if': 'if {0}：{1}。',
  'codon.while': 'while {0}：{1}。',
  'codon.for-start': '开始遍历 {0}。',
  'codon.for': '循环：{0} = {1}。',
  'codon.for-end': '对 {0} 的循环结束。',
  'codon.import-static': 'from C import {0}：由链接器解析符号 {0}。',
  'codon.import-dynamic': 'from C import：Codon 打开 {1}，用 dlsym 查找符号“{0}”。',
  'codon.print': 'print 向标准输出写入 {0}。',
  'codon.callback':
    '{1} 经由函数指针调用 Codon 函数 {0}：返回地址指向 libfoo.so，{0} 按它自己的签名去读参数，新栈帧位于 {1} 的栈帧之上。',
  'codon.call': '调用 {0}（{1} 个参数）：栈上多了一个新栈帧。',
  'cpp.enter': '{0} 开始执行（由 {1} 调用）：保存调用者的帧指针，并为局部变量腾出空间。',
  'cpp.leave': '{0} 返回到 {1}。',
  'cpp.back': '{0} 执行完毕，回到 {1}。',
  'cpp.stmt': '{0}',
  'cpp.declare': '{0}',
  'cpp.declare-nrvo':
    '{0} 是具名返回值：g++ 直接把它构造在返回值槽里，这个槽的地址由 {2} 传进来，也就是 {1}。',
  'cpp.static-local': '{0}（静态局部变量：位于库的静态数据区，只初始化一次）。',
  'cpp.if': 'if ({0})：{1}。',
  'cpp.loop-again': 'for (;;) 没有条件：循环再转一圈。',
  'cpp.loop-test': '循环条件 {0}：{1}。',
  'cpp.return': '{0}',
  'cpp.return-memory': '返回值已经在 {0} 处的内存里了（也就是 {1} 传进来的地址）。',
  'cpp.return-reg': '返回值 {0} 放在 {1} 里带回去。',
  'boundary.call': 'Codon 跨越边界调用 {0}。Codon 以为：{1}。库里实际是：{2}。',
  'boundary.call-match':
    'Codon 跨越边界调用 {0}，两边一致：Codon 的 {1} 正是库里的 {2}，每个参数和结果都在对方期望的地方。',
  'boundary.return': '{0} 已返回；Codon 按它的声明，从 {1} 读取结果。',
  'finding.pointer-abi-mismatch':
    '类型为 {1} 的函数指针调用到了定义为 {2} 的 {0}，双方对值经由哪里传递的看法不一致：{3}。',
  'finding.pointer-type-mismatch':
    '类型为 {1} 的函数指针调用到了定义为 {2} 的 {0}，双方对这些位的含义看法不一致：{3}。',
  'finding.callback-abi-mismatch':
    '库经由函数指针调用 Codon 函数 {0}，双方对值经由哪里传递的看法不一致：指针类型是 {1}，函数是 {2}：{3}。',
  'finding.callback-type-mismatch':
    '库经由函数指针调用 Codon 函数 {0}，双方对这些位的含义看法不一致：指针类型是 {1}，函数是 {2}：{3}。',
  'finding.abi-mismatch': '在对 {0} 的调用中，Codon 和库对值经由哪里传递的看法不一致：{1}。',
  'finding.type-mismatch':
    '在对 {0} 的调用中，Codon 和库对值经由哪里传递看法一致，但对这些比特的含义看法不同：{1}。',
  'crash.abort': 'abort()：程序以 SIGABRT 自行终止。',
  'crash.divide-by-zero': '{0} 中出现整数除以零：CPU 触发 SIGFPE。',
  'crash.out-of-range': '未捕获的 std::out_of_range（{0}）：std::terminate 调用 abort()。',
  'codon.assign-start': '{0} = {1}：先计算右边。',
  'cpp.store': '{0} 把 {1} 存到 {2}，也就是 {3} 里。',
  'boundary.call-leftover.zero':
    'Codon 跨越边界调用 {0}。Codon 以为：{1}。库里实际是：{2}。这次调用没有人设置 {3}：启动代码留下的是 0，也就是空指针。',
  'boundary.call-leftover.runtime-data':
    'Codon 跨越边界调用 {0}。Codon 以为：{1}。库里实际是：{2}。这次调用没有人设置 {3}：它里面还是 {4}，也就是运行时可写数据里 {5} 的地址。',
  'boundary.call-leftover.gc-object':
    'Codon 跨越边界调用 {0}。Codon 以为：{1}。库里实际是：{2}。这次调用没有人设置 {3}：它里面还是 {4}，也就是活着的 Codon 对象 {5} 的地址。',
  'boundary.call-leftover.stale-stack':
    'Codon 跨越边界调用 {0}。Codon 以为：{1}。库里实际是：{2}。这次调用没有人设置 {3}：它里面还是 {4}，一个比栈指针低 1,360 字节的地址，落在已经失效的栈帧里（glibc 的 printf 把它的工作缓冲区留在那里）。',
  'finding.abi-coincidence':
    '{0} 的两份声明并不一致（Codon：{1}；库：{2}），但在这个目标平台上这次调用碰巧能用：Codon 的第一个参数放在 {3} 里，正是被调函数等待结果地址的地方，被调函数又把这个地址放在 {4} 里返回，而 Codon 恰好从那里读取结果。两份声明都没有保证这一点；按照这两份声明，这次调用的行为是未定义的。在 AArch64 上隐藏指针走的是 x8，而不是第一个参数寄存器，所以那里什么都对不上：切换目标平台就能看到。',
  'runtime.exit-deadlock':
    '退出时，动态加载器的 _dl_fini 要取它的锁 _rtld_global._dl_load_lock（{0}）：锁字的值是 {1}，持有者 {2} 不是本线程，于是 glibc 在 futex_wait 里等待一个永远不会释放它的持有者。真实的程序会在这里卡死，此前打印的内容都已输出。',
  'runtime.print-deadlock':
    'print 在等 stdout 的锁（{0}）：锁字的值是 {1}，持有者 {2} 不是本线程，于是 glibc 在 futex_wait 里等待一个永远不会释放它的持有者。真实的程序会在这里卡死。',
  // 不确定的输出（src/sim/trace/indeterminate.ts）：{0} 是一个或多个 stdout.left.* 短语
  'stdout.indeterminate.value': '不确定：这个值取决于{0}（真实机器上可能打印出别的东西）',
  'stdout.indeterminate.text': '不确定：这里打印的内容取决于{0}（真实机器上可能打印出别的东西）',
  'stdout.left.register': '某个寄存器里残留的内容，两边的程序都没有给这个寄存器赋过值',
  'stdout.left.runtime-stack':
    '运行时函数（print、printf、GC_malloc）在已失效的栈上留下的内容，模拟器把这些函数当作一步来运行',
  'stdout.left.uninitialised': '内存里残留的内容，在这次读取之前没有任何代码写过它',
  'stdout.left.freed': '分配器在收回的内存里留下的内容（free、垃圾回收器）',
  'stdout.left.unknown': '之前运行的代码留下的内容，模拟器只能编造而不是计算出来',
  'stdout.left.separator': '，以及',
  // names of objects and regions (src/sim/trace/names.ts)
  'name.ident': '{0}',
  'name.static': '{0}（静态）',
  'name.return-address': '返回 {0} 的返回地址',
  'name.saved-rbp': '{0} 保存的 rbp',
  'name.saved-rbx': '{0} 保存的 rbx',
  'name.frame-record': '{0} 的帧记录（x29, x30）',
  'name.hidden-result': '隐藏的结果指针（来自 {0}）',
  'name.argument': '实参 {0}',
  'name.result-of': '{0}() 的结果',
  'name.return-value': '返回值',
  'name.return-copy': '返回值的副本',
  'name.temporary': '临时对象',
  'name.malloc-header': '{0} 的 malloc 块头',
  'name.malloc-block': 'malloc({0}) 分配的块',
  'name.new-block': 'new {0}',
  'name.make-shared': 'make_shared 块（控制块 + {0}）',
  'name.make-unique': 'make_unique {0}',
  'name.shared-control': 'shared_ptr 控制块',
  'name.vector-buffer': 'vector 缓冲区',
  'name.string-buffer': 'string 缓冲区',
  'name.calloc-block': 'calloc 分配的块',
  'name.c-str-copy': 'c_str() 的副本',
  'name.from-ptr-copy': 'str.from_ptr 的副本',
  'name.gc-init-frame': 'GC_init 的栈帧（启动时，已结束）',
  'name.main-thread-descriptor': '主线程的线程描述符',
  'name.codon-buffer': '{0} 缓冲区',
  'name.codon-object': '{0} 对象',
  'name.unmapped': '未映射的内存',
  'name.stack-below-sp': '栈指针以下未使用的栈',
  'name.region.codon-text': '主程序代码段（Codon）',
  'name.region.codon-data': '主程序 .data（Codon 全局变量）',
  'name.region.c-heap': 'C 堆（malloc、new）',
  'name.region.gc-heap': 'GC 堆（Codon 对象）',
  'name.region.lib-text': 'libfoo.so 代码段',
  'name.region.lib-data': 'libfoo.so .data/.bss（C++ 静态变量）',
  'name.region.runtime': '运行时数据（ld.so、libc、Codon 运行时）',
  'name.region.stack': '主线程栈',
};
